package nl.familyliaison.notify;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Languages;
import nl.familyliaison.platform.Texts;

/**
 * The mail texts in {@code mail-templates/<template>/<language>.{subject,text,html}.mustache}. HTML is escaped by
 * Mustache; the plain text and subject are not HTML and are rendered without escaping.
 *
 * <p>Every mail is framed the same way, from the language's {@code mail.*} texts, so a translator writes these once
 * per language: at the top who sends it ({@code mail.from}) and, for a language that is not one of the hint languages
 * (Dutch and English), a line in those languages saying the mail can be read in one's language
 * ({@code mail.languageHint}); at the bottom how to check the mail is real without clicking anything
 * ({@code mail.check}). The From line's display name is {@code mail.sender}.
 */
public final class MailTemplates {

    private final Path folder;
    private final String serviceUrl;
    private final MustacheFactory html;
    private final MustacheFactory plain;
    private final Languages languages;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    public MailTemplates(Path folder, String serviceUrl, Languages languages) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The mail templates folder " + folder.toAbsolutePath() + " does not exist");
        }
        this.folder = folder;
        this.serviceUrl = serviceUrl;
        this.languages = languages;
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
        Texts texts = languages.texts(language);
        scope.put("serviceUrl", serviceUrl);
        scope.put("serviceLink", linkIn(texts.language()));
        Compiled compiled = this.compiled.computeIfAbsent(template.folder() + "/" + texts.language().code(),
                                                          this::compile);
        MailFrame frame = new MailFrame(texts, hints(texts.language()), serviceUrl);
        return new Rendered(render(compiled.subject(), scope).strip(),
                            frame.text(render(compiled.text(), scope)),
                            frame.html(render(compiled.html(), scope)),
                            texts.get("mail.sender"));
    }

    /**
     * The service's address as a mail's links give it: in another language than the default with that language, so
     * the page the link opens (the invitation's sign-in page first of all) is in the mail's language already.
     */
    private String linkIn(Language language) {
        return language.equals(languages.standard()) ? serviceUrl : serviceUrl + "/?lang=" + language.code();
    }

    /** The hint lines in the hint languages, for a mail in a language that is none of them. */
    private List<Texts> hints(Language language) {
        List<Language> hinted = languages.mailHintLanguages();
        return hinted.contains(language) ? List.of() : hinted.stream().map(languages::texts).toList();
    }

    /** The template files no listed language may lack, as paths under the folder; empty when all are there. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (MailTemplate template : MailTemplate.values()) {
            for (Languages.Spoken language : languages.listed()) {
                for (String part : List.of("subject", "text", "html")) {
                    String file = template.folder() + "/" + language.code() + "." + part + ".mustache";
                    if (!Files.isRegularFile(folder.resolve(file))) {
                        missing.add(file);
                    }
                }
            }
        }
        return missing;
    }

    /** A template's three files in one language, compiled once: a burst of mails renders them thousands of times. */
    private record Compiled(Mustache subject, Mustache text, Mustache html) {
    }

    /** Compiles {@code base}'s files ({@code <template>/<language>}); a missing one is told and nothing is kept. */
    private Compiled compile(String base) {
        return new Compiled(compile(plain, base + ".subject.mustache"), compile(plain, base + ".text.mustache"),
                            compile(html, base + ".html.mustache"));
    }

    private Mustache compile(MustacheFactory factory, String name) {
        if (!Files.isRegularFile(folder.resolve(name))) {
            throw new MissingTemplate("Missing mail template " + folder.resolve(name));
        }
        return factory.compile(name);
    }

    private static String render(Mustache mustache, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }

    /** A mail ready to go; {@code sender} is the display name of its From line. */
    public record Rendered(String subject, String text, String html, String sender) {
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
