package nl.familyliaison.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What every page must pass: accessibility, a phone's width, the weight limit, no text outside the translations. */
final class PageChecks {

    /** HTML + CSS + JS of one page, uncompressed (its translation files are counted too). */
    static final long WEIGHT_LIMIT = 150_000;
    private static final Path LANGUAGES = Path.of("src", "main", "resources", "languages");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<URI, Long> SIZES = new ConcurrentHashMap<>();

    private PageChecks() {
    }

    /** The client texts of a language (languages/<code>/client.json), key → text. */
    static Map<String, String> translations(String language) {
        try {
            return new ObjectMapper().readValue(Files.readString(LANGUAGES.resolve(language).resolve("client.json")),
                                                new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text a person sees (text nodes, the title, labels for assistive technology) that is neither a text of the
     * translation file of the page's language (with its {placeholders} filled in) nor marked as coming from the
     * service (data-api: names, messages, phase texts) nor a date or time.
     */
    @SuppressWarnings("unchecked")
    static List<String> untranslated(Client client, Map<String, String> texts) {
        return (List<String>) client.browser().js(
                "const patterns = arguments[0].map(text => new RegExp('^' + text.split(/\\{\\w+\\}/)"
                + ".map(part => part.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&')).join('[\\\\s\\\\S]+') + '$'));"
                + "const known = text => patterns.some(pattern => pattern.test(text));"
                + "const found = [];"
                + "const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + "while (walker.nextNode()) {"
                + "  const text = walker.currentNode.textContent.trim();"
                + "  const parent = walker.currentNode.parentElement;"
                + "  if (!text || parent.closest('[data-api], script, style, time')) continue;"
                + "  if (!known(text)) found.push(text);"
                + "}"
                + "for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {"
                + "  for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {"
                + "    const value = element.getAttribute(name);"
                + "    if (value && !known(value)) found.push(name + '=' + value);"
                + "  }"
                + "}"
                + "for (const part of document.title.split(' · ')) { if (!known(part)) found.push('title=' + part); }"
                + "return found;",
                List.copyOf(texts.values()));
    }

    /** Opens every collapsed part of the page, so that checks see the forms inside them too. */
    static void expandAll(Client client) {
        client.browser().js("document.querySelectorAll('main details').forEach(details => { details.open = true; });");
    }

    /**
     * axe-core's violations (any impact, every rule axe runs by default), as "rule (impact): where" lines. axe is put
     * into the document once (a page drawn anew in the same document keeps it) and asked for violations only, in
     * the page itself: Deque's AxeBuilder would also open and close a blank tab on every run to combine the results
     * of frames, and these pages have none (a page with a frame fails here, so that the frames' check is not lost).
     */
    @SuppressWarnings("unchecked")
    static List<String> accessibilityViolations(Client client) {
        org.openqa.selenium.JavascriptExecutor page = (org.openqa.selenium.JavascriptExecutor) client.driver();
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(AXE.get());
        }
        return (List<String>) page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "if (document.querySelector('iframe, frame, object, embed')) {"
                + "  done(['a frame is in the page: check it with AxeBuilder, which goes into frames']); return; }"
                + "axe.run(document, { resultTypes: ['violations'] })"
                + ".then(results => done(results.violations.flatMap(rule => rule.nodes.map(node =>"
                + " rule.id + ' (' + rule.impact + '): ' + node.html))))"
                + ".catch(error => done(['axe: ' + error]));");
    }

    /** axe-core's script, as the axe-core Selenium library ships it. */
    private static final java.util.function.Supplier<String> AXE = new java.util.function.Supplier<>() {
        private String script;

        @Override
        public synchronized String get() {
            if (script == null) {
                try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
                    script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return script;
        }
    };

    /**
     * The weight of this page as if it had been loaded in {@code language}: the HTML, CSS and JS it loaded and the
     * client texts it loaded in that language, the common ones ({@code /i18n/<code>.json}) and every audience's
     * extra ones ({@code /i18n/<code>-staff.json}, {@code -admin.json}), by the browser's own resource timing. A page
     * drawn in several languages one after the other fetched several; those of the other languages are not counted.
     * Chromium gives a file it revalidated (304) a body of 0 bytes: such a file is weighed as the service sends it.
     */
    @SuppressWarnings("unchecked")
    static long weight(Client client, String language) {
        List<List<Object>> loaded = (List<List<Object>>) client.browser().js(
                "const entries = new Map([...performance.getEntriesByType('navigation'),"
                + " ...performance.getEntriesByType('resource')].map(e => [new URL(e.name).pathname, e]));"
                + "const own = new RegExp('^/i18n/' + arguments[0] + '(-[a-z]+)?\\\\.json$');"
                + "return [...entries.values()].filter(e => new URL(e.name).origin === location.origin"
                + " && /(\\/|\\.html|\\.css|\\.js|\\.json)$/.test(new URL(e.name).pathname)"
                + " && !new URL(e.name).pathname.startsWith('/api/')"
                + " && (!new URL(e.name).pathname.startsWith('/i18n/') || own.test(new URL(e.name).pathname)))"
                + ".map(e => [new URL(e.name).pathname, e.decodedBodySize]);", language);
        long bytes = 0;
        for (List<Object> file : loaded) {
            long size = ((Number) file.get(1)).longValue();
            bytes += size > 0 ? size : SIZES.computeIfAbsent(client.service().resolve((String) file.get(0)),
                                                             PageChecks::sent);
        }
        return bytes;
    }

    /** What the service sends for a web file, in bytes (the files do not change while the tests run). */
    private static long sent(URI file) {
        try {
            return HTTP.send(HttpRequest.newBuilder(file).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Text a person sees (outside what the service sent, data-api) that is a Dutch text of the translation files
     * with more than 12 characters besides its {placeholders} (filled in): a page in another language has been left
     * (partly) in Dutch. (Short texts and single words may rightly be the same in two languages.)
     */
    @SuppressWarnings("unchecked")
    static List<String> inDutch(Client client, Map<String, String> dutch) {
        List<String> longer = dutch.values().stream().filter(text -> {
            String words = text.replaceAll("\\{\\w+}", "").strip();
            return words.length() > 12 && words.contains(" ");
        }).toList();
        return (List<String>) client.browser().js(
                "const patterns = arguments[0].map(text => new RegExp('^' + text.split(/\\{\\w+\\}/)"
                + ".map(part => part.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&')).join('[\\\\s\\\\S]+') + '$'));"
                + "const dutch = text => patterns.some(pattern => pattern.test(text));"
                + "const found = [];"
                + "const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + "while (walker.nextNode()) {"
                + "  const text = walker.currentNode.textContent.trim();"
                + "  if (text && !walker.currentNode.parentElement.closest('[data-api], script, style') && dutch(text)) {"
                + "    found.push(text);"
                + "  }"
                + "}"
                + "for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {"
                + "  for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {"
                + "    const value = element.getAttribute(name);"
                + "    if (value && dutch(value)) found.push(name + '=' + value);"
                + "  }"
                + "}"
                + "return found;", longer);
    }
}
