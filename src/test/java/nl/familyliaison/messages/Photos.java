package nl.familyliaison.messages;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Real JPEG photos for tests, drawn with ImageIO; one as a phone writes it, with where it was taken. */
final class Photos {

    /** Where the test photo says it was taken (a street in Utrecht). */
    static final double LATITUDE = 52.0907;
    static final double LONGITUDE = 5.1214;
    static final String CAMERA = "FamilyPhone 12";

    private Photos() {
    }

    /** A plain JPEG, as ImageIO writes it (JFIF, no EXIF). */
    static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x2a6f97));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(0xf4d35e));
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The same photo with EXIF (camera, GPS position) and an XMP packet naming the position again. */
    static byte[] jpegWithGps(int width, int height) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, CAMERA);
            exif.setGpsInDegrees(LONGITUDE, LATITUDE);
            ByteArrayOutputStream withExif = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), withExif, exif);
            ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
            new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, xmp());
            return withXmp.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xmp() {
        return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
               + "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\""
               + " exif:GPSLatitude=\"52,5.442N\" exif:GPSLongitude=\"5,7.284E\"/></rdf:RDF></x:xmpmeta>";
    }
}
