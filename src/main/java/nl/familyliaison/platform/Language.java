package nl.familyliaison.platform;

import java.util.regex.Pattern;

import io.helidon.webserver.http.ServerRequest;

/**
 * A language code (ISO 639-1, lower case), nothing more: which languages the service speaks is data
 * ({@link Languages}). A code from outside (a request, a body) is checked against that list first.
 */
public record Language(String code) {

    /** What a code looks like: two lower-case letters (ISO 639-1). */
    public static final Pattern CODE = Pattern.compile("[a-z]{2}");

    public Language {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Not a language code: " + code);
        }
    }

    /**
     * The language for this request: the {@code lang} query parameter when given, else the best listed match in
     * Accept-Language, else the default (see {@link Languages#of(ServerRequest)}).
     *
     * @throws ProblemException 400 for a {@code lang} the service does not speak
     */
    public static Language of(ServerRequest request) {
        return Languages.of(request).chosen(request);
    }

    /**
     * A language given in a request body or parameter: checked against the list; the default when not given.
     *
     * @throws ProblemException 400 naming {@code field} and listing the codes, for a language not listed
     */
    public static Language given(ServerRequest request, String field, String code) {
        Languages languages = Languages.of(request);
        return code == null ? languages.standard() : languages.parse(field, code);
    }

    @Override
    public String toString() {
        return code;
    }
}
