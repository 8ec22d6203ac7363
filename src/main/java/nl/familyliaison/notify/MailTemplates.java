package nl.familyliaison.notify;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import nl.familyliaison.platform.Language;

/**
 * The mail texts in {@code mail-templates/<template>/<language>.{subject,text,html}.mustache}. HTML is escaped by
 * Mustache; the plain text and subject are not HTML and are rendered without escaping.
 */
public final class MailTemplates {

    private final Path folder;
    private final String serviceUrl;
    private final MustacheFactory html;
    private final MustacheFactory plain;

    public MailTemplates(Path folder, String serviceUrl) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The mail templates folder " + folder.toAbsolutePath() + " does not exist");
        }
        this.folder = folder;
        this.serviceUrl = serviceUrl;
        this.html = new DefaultMustacheFactory(folder.toFile());
        this.plain = new DefaultMustacheFactory(folder.toFile()) {
            @Override
            public void encode(String value, java.io.Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * Subject, text and HTML of one mail.
     *
     * @throws MissingTemplate when one of the template's files for this language is not there
     */
    public Rendered render(MailTemplate template, Language language, Map<String, String> values) {
        Map<String, Object> scope = new HashMap<>(values);
        scope.put("serviceUrl", serviceUrl);
        String base = template.folder() + "/" + language.code();
        return new Rendered(render(plain, base + ".subject.mustache", scope).strip(),
                            render(plain, base + ".text.mustache", scope),
                            render(html, base + ".html.mustache", scope));
    }

    private String render(MustacheFactory factory, String name, Map<String, Object> scope) {
        if (!Files.isRegularFile(folder.resolve(name))) {
            throw new MissingTemplate("Missing mail template " + folder.resolve(name));
        }
        Mustache mustache = factory.compile(name);
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }

    public record Rendered(String subject, String text, String html) {
    }

    /** A mail that cannot be written: a template file is not there, or a stored row names no template at all. */
    static final class MissingTemplate extends IllegalStateException {
        MissingTemplate(String message) {
            super(message);
        }

        /** An outbox row whose template name no {@link MailTemplate} has. */
        static MissingTemplate unknown(String folder) {
            return new MissingTemplate("Missing mail template " + folder + ": no such template");
        }
    }
}
