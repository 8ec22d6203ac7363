package nl.familyliaison.messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * Takes out of a photo what the camera wrote about it: a phone's JPEG carries where it was taken (GPS in EXIF, often
 * again in XMP), when, and with which device, which could lead someone to a family's address. The EXIF, XMP and IPTC
 * segments are removed with Apache Commons Imaging; the compressed image itself is copied as it is (not re-encoded),
 * so the photo looks exactly the same. A JPEG that cannot be taken apart is refused rather than stored as sent, since
 * its metadata could not be removed. PDFs and PNGs are stored as sent.
 */
final class PhotoMetadata {

    private PhotoMetadata() {
    }

    /**
     * @throws ProblemException 400 when a JPEG cannot be read
     */
    static byte[] strip(byte[] content, AttachmentType type) {
        if (type != AttachmentType.JPEG) {
            return content;
        }
        try {
            byte[] withoutExif = rewrite(out -> new ExifRewriter().removeExifMetadata(content, out));
            byte[] withoutXmp = rewrite(out -> new JpegXmpRewriter().removeXmpXml(withoutExif, out));
            return rewrite(out -> new JpegIptcRewriter().removeIptc(withoutXmp, out));
        } catch (IOException | RuntimeException unreadable) {
            // RuntimeException too: a damaged file can make the parser run past its end.
            throw new ProblemException(ProblemType.BAD_REQUEST, "This photo could not be read. Try another photo,"
                                                                + " or take a screenshot of it and send that.");
        }
    }

    private interface Rewrite {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] rewrite(Rewrite rewrite) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rewrite.to(out);
        return out.toByteArray();
    }
}
