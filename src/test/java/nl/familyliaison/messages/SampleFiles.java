package nl.familyliaison.messages;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Files as uploads start: what their first bytes say they are. */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A small PDF. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.7\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A PNG of {@code size} bytes (at least 8). */
    static byte[] png(int size) {
        byte[] content = new byte[size];
        byte[] magic = HexFormat.of().parseHex("89504e470d0a1a0a");
        System.arraycopy(magic, 0, content, 0, magic.length);
        return content;
    }

    /** A small real JPEG (a JPEG that cannot be read is refused, as its metadata could not be removed). */
    static byte[] jpeg() {
        return Photos.jpeg(8, 8);
    }

    /** What a Windows program starts with. */
    static byte[] program() {
        return "MZ\u0090\u0000\u0003\u0000\u0000\u0000 This program cannot be run in DOS mode."
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
