package nl.familyliaison.messages;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name an attachment is stored and downloaded under. Clients send it in {@code X-File-Name}, percent-encoded
 * UTF-8 where it is not plain ASCII (what {@code encodeURIComponent} makes). What arrives is cleaned so that it can
 * do no harm on anyone's computer: no folders, no control or direction characters, no characters that file systems
 * refuse, and always the extension (in lower case) of the type the content really has ("photo.html" that is a PNG
 * is saved as "photo.html.png").
 */
public final class FileName {

    static final int MAX_BASE_CHARACTERS = 100;
    private static final String FORBIDDEN = "<>:\"/\\|?*";

    private FileName() {
    }

    /** A safe name for content of {@code type}, from what the client sent (may be null). */
    public static String clean(String sent, AttachmentType type) {
        String name = sent == null ? "" : Normalizer.normalize(percentDecoded(sent), Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = withoutUnsafeCharacters(name).replaceAll("\\s+", " ").strip();
        name = name.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
        String extension = extensionOf(name);
        String base = type.extensions().contains(extension) ? name.substring(0, name.length() - extension.length() - 1)
                                                            : name;
        base = shortened(base.strip());
        return (base.isEmpty() ? "attachment" : base) + "."
               + (type.extensions().contains(extension) ? extension : type.extensions().getFirst());
    }

    /** The Content-Disposition of a download: always saved, never shown in the page; the name in ASCII and UTF-8. */
    public static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(name);
    }

    private static String withoutUnsafeCharacters(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                             && FORBIDDEN.indexOf(c) < 0)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String shortened(String base) {
        if (base.codePointCount(0, base.length()) <= MAX_BASE_CHARACTERS) {
            return base;
        }
        return base.substring(0, base.offsetByCodePoints(0, MAX_BASE_CHARACTERS)).strip();
    }

    /** Decodes %XX sequences as UTF-8; anything else (a lone %, plain characters) stays as it is. */
    static String percentDecoded(String text) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
                continue;
            }
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
            out.append(c);
        }
        return out.append(bytes.toString(StandardCharsets.UTF_8)).toString();
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }

    /** RFC 5987 value characters stay, everything else is percent-encoded UTF-8. */
    private static String percentEncoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }
}
