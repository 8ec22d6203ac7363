package nl.familyliaison.platform;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** The languages the service speaks. Dutch first: it is the default for anyone who says nothing else. */
public enum Language {
    NL, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The language for this request: the {@code lang} query parameter when given, else the best match in
     * Accept-Language, else Dutch.
     *
     * @throws ProblemException 400 for a {@code lang} the service does not speak
     */
    public static Language of(ServerRequest request) {
        Optional<String> asked = request.query().first("lang").asOptional();
        if (asked.isPresent()) {
            return parse(asked.get()).orElseThrow(
                    () -> ProblemException.invalid("lang", "Choose nl or en."));
        }
        return request.headers().first(HeaderNames.ACCEPT_LANGUAGE)
                .flatMap(Language::fromAcceptLanguage)
                .orElse(NL);
    }

    public static Optional<Language> parse(String code) {
        return Stream.of(values()).filter(language -> language.code().equalsIgnoreCase(code)).findFirst();
    }

    static Optional<Language> fromAcceptLanguage(String header) {
        return Stream.of(header.split(","))
                .map(String::trim)
                .map(Weighted::parse)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble(Weighted::weight).reversed())
                .map(weighted -> parse(weighted.primary()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private record Weighted(String primary, double weight) {
        static Optional<Weighted> parse(String part) {
            String[] pieces = part.split(";");
            String primary = pieces[0].trim().split("-")[0];
            double weight = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String piece = pieces[i].trim();
                if (piece.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(piece.substring(2));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
            return weight > 0 ? Optional.of(new Weighted(primary, weight)) : Optional.empty();
        }
    }
}
