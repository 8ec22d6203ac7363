package nl.familyliaison.messages;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of file a message may carry, recognised by their first bytes. The name of a file and the Content-Type a
 * client sends prove nothing: a renamed program stays a program.
 */
public enum AttachmentType {
    PDF("application/pdf", List.of("pdf"), "255044462d"),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), "ffd8ff"),
    PNG("image/png", List.of("png"), "89504e470d0a1a0a");

    private final String mediaType;
    private final List<String> extensions;
    private final byte[] magic;

    AttachmentType(String mediaType, List<String> extensions, String magicHex) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.magic = HexFormat.of().parseHex(magicHex);
    }

    /** The type whose signature {@code content} starts with; empty for anything else. */
    public static Optional<AttachmentType> sniff(byte[] content) {
        return Arrays.stream(values()).filter(type -> type.startsWithMagic(content)).findFirst();
    }

    public static AttachmentType ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an attachment type: " + mediaType));
    }

    public String mediaType() {
        return mediaType;
    }

    /** File name extensions that belong to this type, the usual one first. */
    public List<String> extensions() {
        return extensions;
    }

    private boolean startsWithMagic(byte[] content) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
