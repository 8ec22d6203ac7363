package nl.familyliaison.rights;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.messages.MessageContent;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Texts;

/**
 * The export as one download: a zip with {@code export.json} (machine-readable), {@code export.html} (the same,
 * readable in any browser, every value escaped, no script) and the files under {@code files/}.
 */
final class ExportArchive {

    private ExportArchive() {
    }

    /**
     * Writes the archive to {@code out} as it goes: the JSON and the page first, then the files, each read and
     * decrypted only when its turn comes and dropped before the next, so memory stays within about one file however
     * large the export is. Files are stored, not deflated: PDF, JPEG and PNG are compressed already.
     *
     * @param betweenFiles runs before each file (the export keeps its lease alive there)
     */
    static void write(OutputStream out, Exporter.Gathered gathered, Texts texts, Runnable betweenFiles)
            throws IOException {
        byte[] json = Json.write(gathered.export());
        ZipOutputStream zip = new ZipOutputStream(out);
        deflated(zip, "export.json", json);
        deflated(zip, "export.html", html(Json.mapper().readTree(json), texts, gathered.export().exportedAt()).getBytes(StandardCharsets.UTF_8));
        for (Exporter.Pending file : gathered.files()) {
            betweenFiles.run();
            Optional<MessageContent.File> opened = file.open().get();
            if (opened.isPresent()) {
                stored(zip, file.path(), opened.get().content());
            }
        }
        zip.finish();
        zip.flush();
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** The whole export as nested lists: readable without knowing JSON, and nothing in it can run. */
    static String html(JsonNode export, Texts texts, Instant at) {
        StringBuilder out = new StringBuilder();
        String title = texts.get("export.title");
        out.append("<!doctype html>\n<html lang=\"").append(texts.language().code()).append("\" dir=\"")
                .append(texts.direction()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>body{font-family:Arial,sans-serif;line-height:1.5;max-width:60rem;margin:1rem}")
                .append("dt{font-weight:bold}dd{margin-block:0 .5rem;margin-inline:1rem 0}</style>\n</head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n<p>")
                .append(escape(texts.format("export.made", Map.of("dateTime", texts.dateTime(at))))).append("</p>\n");
        render(export, out);
        return out.append("</body>\n</html>\n").toString();
    }

    private static void render(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append("<dl>\n");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    continue;
                }
                out.append("<dt>").append(escape(words(field.getKey()))).append("</dt>\n<dd>");
                render(field.getValue(), out);
                out.append("</dd>\n");
            }
            out.append("</dl>\n");
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("—");
                return;
            }
            out.append("<ol>\n");
            for (JsonNode item : node) {
                out.append("<li>");
                render(item, out);
                out.append("</li>\n");
            }
            out.append("</ol>\n");
        } else {
            out.append(escape(node.asText()).replace("\n", "<br>\n"));
        }
    }

    /** {@code nextUpdateBy} → {@code next update by}. */
    static String words(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
