package nl.familyliaison.messages;

import java.io.IOException;
import java.io.InputStream;

import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * The content of an upload, read up to the limit and recognised by its first bytes, a photo without its metadata
 * ({@link PhotoMetadata}). Reading stops one byte past the limit, so an oversized upload never sits in memory whole.
 *
 * @param content the bytes
 * @param type    what the bytes are
 */
public record Upload(byte[] content, AttachmentType type) {

    /**
     * @param declaredLength the request's Content-Length, or -1 when it has none (chunked)
     * @throws ProblemException 400 when empty or an unreadable JPEG, 413 when larger than {@code maxBytes}, 415 when
     *                          not PDF, JPEG or PNG
     */
    public static Upload read(InputStream body, long declaredLength, long maxBytes) {
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] content = upTo(body, maxBytes + 1);
        if (content.length == 0) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The file is empty. Choose another file.");
        }
        if (content.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        AttachmentType type = AttachmentType.sniff(content).orElseThrow(() -> new ProblemException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "Only PDF files and JPEG or PNG photos can be sent."));
        return new Upload(PhotoMetadata.strip(content, type), type);
    }

    private static byte[] upTo(InputStream body, long limit) {
        try {
            return body.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The file did not arrive whole. Try again.");
        }
    }

    private static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The file is too large: at most "
                                                                   + inMegabytes(maxBytes) + ".");
    }

    static String inMegabytes(long bytes) {
        double megabytes = bytes / (1024.0 * 1024.0);
        return megabytes >= 1 ? Math.round(megabytes * 10) / 10.0 + " MB" : Math.max(1, bytes / 1024) + " kB";
    }

    public long size() {
        return content.length;
    }
}
