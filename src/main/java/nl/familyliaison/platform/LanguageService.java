package nl.familyliaison.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /api/languages}: the languages a person can choose, in list order (public: it holds nothing of anyone).
 * {@code GET /i18n/<code>.json}: a language's common client texts, from its folder, revalidated by ETag like the other
 * web files; {@code GET /i18n/<code>-staff.json} and {@code /i18n/<code>-admin.json}: the texts only that audience's
 * pages use ({@code languages/audiences.yaml}). All public: they hold UI texts only, nothing of anyone, and a page
 * drawn before sign-in (the staff sign-in) already needs the common ones.
 */
public final class LanguageService {

    private static final Pattern CLIENT_FILE = Pattern.compile("([a-z]{2})(?:-(staff|admin))?\\.json");

    private final Languages languages;
    private final TextAudiences audiences = TextAudiences.load();
    private final Map<String, ClientTexts> clientTexts = new ConcurrentHashMap<>();

    /** A language's client texts as sent, with their ETag: both made once, not on every request. */
    private record ClientTexts(byte[] body, String etag) {
        static ClientTexts of(byte[] body) {
            return new ClientTexts(body, "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"");
        }
    }

    public LanguageService(Languages languages) {
        this.languages = languages;
    }

    public Languages languages() {
        return languages;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/languages", ApiRoutes.PUBLIC, this::list);
        routes.webFile("/i18n/{file}", this::clientTexts);
    }

    private void list(ServerRequest request, ServerResponse response) {
        response.send(new LanguageList(languages.listed().stream().map(this::listed).toList()));
    }

    /** A language as the choice offers it; one whose texts no native speaker has checked says so, in itself. */
    private Listed listed(Languages.Spoken spoken) {
        String unreviewed = spoken.reviewed() ? null
                : languages.texts(new Language(spoken.code())).get("language.unreviewed");
        return new Listed(spoken.code(), spoken.name(), spoken.direction(), spoken.locale(), spoken.reviewed(),
                          unreviewed);
    }

    /** {@code unreviewed}: the language's own words for "not yet checked by a native speaker", when so. */
    record Listed(String code, String name, String direction, String locale, boolean reviewed, String unreviewed) {
    }

    private void clientTexts(ServerRequest request, ServerResponse response) {
        Matcher file = CLIENT_FILE.matcher(request.path().pathParameters().get("file"));
        if (!file.matches()) {
            throw ProblemException.notFound();
        }
        String code = file.group(1);
        String audience = Optional.ofNullable(file.group(2)).orElse(TextAudiences.COMMON);
        ClientTexts texts = Optional.ofNullable(clientTexts.computeIfAbsent(code + "-" + audience,
                                                                            name -> read(code, audience)))
                .orElseThrow(ProblemException::notFound);
        String etag = texts.etag();
        response.header(HeaderNames.ETAG, etag);
        if (request.headers().first(HeaderNames.IF_NONE_MATCH).filter(etag::equals).isPresent()) {
            response.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(texts.body());
    }

    /**
     * The part of a language's client texts that {@code audience} gets, sent without the file's indentation: it
     * counts towards every page's weight, on a family's phone too.
     */
    private ClientTexts read(String code, String audience) {
        return languages.file(code, "client.json").map(json -> compact(json, audience)).map(ClientTexts::of)
                .orElse(null);
    }

    private byte[] compact(String json, String audience) {
        try {
            return Json.mapper().writeValueAsBytes(audiences.part(Json.mapper().readTree(json), audience));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Client texts that are no JSON", e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer: an object, so fields can be added later. */
    public record LanguageList(List<Listed> languages) {
    }
}
