package nl.familyliaison.messages;

import static nl.familyliaison.messages.MessageCalls.download;
import static nl.familyliaison.messages.MessageCalls.upload;
import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A photo loses what the camera wrote about it on upload, above all where it was taken: a JPEG with GPS in EXIF and
 * in XMP is uploaded through the API and downloaded again; an independent reader (metadata-extractor) finds no EXIF,
 * no GPS and no XMP in it, and the image decodes to exactly the same pixels.
 */
class PhotoMetadataTest {

    @RegisterExtension
    static final TestService service = MessageCalls.unlimited(settings -> settings);

    private static final CaseFiles CASES = new CaseFiles(service);
    private static final Tables TABLES = new Tables(service);

    @Test
    void aPhotoWithGpsComesBackWithoutItsMetadataAndLooksTheSame() throws Exception {
        byte[] sent = Photos.jpegWithGps(64, 48);
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(sent));
        GeoLocation where = before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation();
        assertEquals(Photos.LATITUDE, where.getLatitude(), 1e-4, "the photo as sent says where it was taken");
        assertNotNull(before.getFirstDirectoryOfType(XmpDirectory.class));

        Cast cast = CASES.cast("gps");
        Member anna = CASES.member(cast, "anna-gps");
        JsonNode stored = MessageCalls.created(upload(anna.api(), cast.caseId(), "voordeur.jpg", sent));
        String fileId = stored.path("id").asText();
        MessageCalls.created(anna.api().post(MessageCalls.threads(cast.caseId()), MessageCalls.json(
                "text", "Zo ziet het huis eruit", "attachmentIds", List.of(fileId))));
        HttpResponse<byte[]> file = download(cast.inspectorApi(), cast.caseId(), fileId);
        assertEquals(200, file.statusCode());
        byte[] received = file.body();
        assertEquals(received.length, stored.path("size").asInt(), "the size given is that of the stored photo");

        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(received));
        assertNull(after.getFirstDirectoryOfType(GpsDirectory.class), "no GPS");
        assertNull(after.getFirstDirectoryOfType(XmpDirectory.class), "no XMP");
        for (Directory directory : after.getDirectories()) {
            assertFalse(directory instanceof ExifDirectoryBase, "no EXIF: " + directory.getName());
        }
        String asText = new String(received, StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains(Photos.CAMERA) || asText.contains("GPS") || asText.contains("Exif"));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(received));
        assertNotNull(image, "still a JPEG that decodes");
        assertArrayEquals(pixels(ImageIO.read(new ByteArrayInputStream(sent))), pixels(image),
                          "the image itself was copied, not re-encoded");
    }

    @Test
    void aPhotoWithoutMetadataIsStoredAsItWas() {
        byte[] plain = Photos.jpeg(32, 32);
        Cast cast = CASES.cast("plain");
        Member bram = CASES.member(cast, "bram-plain");
        String fileId = MessageCalls.uploaded(bram.api(), cast.caseId(), "foto.jpg", plain);
        assertTrue(Arrays.equals(plain, download(bram.api(), cast.caseId(), fileId).body()));
    }

    @Test
    void aJpegThatCannotBeTakenApartIsRefusedAndNothingIsStored() {
        Cast cast = CASES.cast("broken");
        Member cas = CASES.member(cast, "cas-broken");
        long before = TABLES.count("message_attachment");
        byte[] broken = Arrays.copyOf(Photos.jpegWithGps(64, 48), 40);
        assertProblem(upload(cas.api(), cast.caseId(), "kapot.jpg", broken), 400, "bad-request");
        assertEquals(before, TABLES.count("message_attachment"));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
