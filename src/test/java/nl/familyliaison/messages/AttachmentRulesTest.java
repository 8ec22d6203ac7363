package nl.familyliaison.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import java.util.Optional;

import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import org.junit.jupiter.api.Test;

/** What a file is follows from its first bytes; its name is only cleaned and given the right extension. */
class AttachmentRulesTest {

    @Test
    void pdfJpegAndPngAreRecognisedByTheirFirstBytes() {
        assertEquals(Optional.of(AttachmentType.PDF), AttachmentType.sniff(SampleFiles.pdf("x")));
        assertEquals(Optional.of(AttachmentType.JPEG), AttachmentType.sniff(SampleFiles.jpeg()));
        assertEquals(Optional.of(AttachmentType.PNG), AttachmentType.sniff(SampleFiles.png(16)));
    }

    @Test
    void anythingElseIsNotRecognisedWhateverItIsCalled() {
        assertEquals(Optional.empty(), AttachmentType.sniff(SampleFiles.program()));
        assertEquals(Optional.empty(), AttachmentType.sniff("<html><script>".getBytes()));
        assertEquals(Optional.empty(), AttachmentType.sniff("%PDF".getBytes()), "too short to be sure");
        assertEquals(Optional.empty(), AttachmentType.sniff(HexFormat.of().parseHex("89504e470d0a1a")));
        assertEquals(Optional.empty(), AttachmentType.sniff(new byte[0]));
    }

    @Test
    void anUploadIsEmptyTooLargeOfTheWrongTypeOrAccepted() {
        assertProblem(ProblemType.BAD_REQUEST, () -> read(new byte[0], 10));
        assertProblem(ProblemType.PAYLOAD_TOO_LARGE, () -> read(SampleFiles.png(11), 10));
        assertProblem(ProblemType.PAYLOAD_TOO_LARGE,
                      () -> Upload.read(new ByteArrayInputStream(SampleFiles.png(8)), 11, 10));
        assertProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, () -> read(SampleFiles.program(), 1000));
        Upload accepted = read(SampleFiles.png(10), 10);
        assertEquals(AttachmentType.PNG, accepted.type());
        assertEquals(10, accepted.size());
    }

    @Test
    void aNameKeepsWhatIsHarmlessAndLosesTheRest() {
        assertEquals("verslag april.pdf", FileName.clean("verslag april.pdf", AttachmentType.PDF));
        assertEquals("passwd.pdf", FileName.clean("../../etc/passwd", AttachmentType.PDF));
        assertEquals("brief.pdf", FileName.clean("C:\\Users\\anna\\brief.pdf", AttachmentType.PDF));
        assertEquals("ab.png", FileName.clean("a\u0000\u0007b.png", AttachmentType.PNG));
        assertEquals("fotogpj.exe.jpg", FileName.clean("foto\u202Egpj.exe", AttachmentType.JPEG),
                     "no right-to-left trick");
        assertEquals("abc.pdf", FileName.clean("a<b>\"c\".PDF", AttachmentType.PDF));
        assertEquals("bashrc.pdf", FileName.clean(".bashrc", AttachmentType.PDF));
        assertEquals("attachment.png", FileName.clean(null, AttachmentType.PNG));
        assertEquals("attachment.png", FileName.clean("  ..  ", AttachmentType.PNG));
    }

    @Test
    void aNameAlwaysEndsInTheExtensionOfWhatTheFileReallyIs() {
        assertEquals("foto.jpeg", FileName.clean("foto.jpeg", AttachmentType.JPEG));
        assertEquals("foto.jpg", FileName.clean("foto.JPG", AttachmentType.JPEG), "in lower case");
        assertEquals("pagina.html.png", FileName.clean("pagina.html", AttachmentType.PNG));
        assertEquals("scan.pdf.png", FileName.clean("scan.pdf", AttachmentType.PNG));
    }

    @Test
    void longNamesAreShortenedButKeepTheirExtension() {
        String cleaned = FileName.clean("x".repeat(500) + ".pdf", AttachmentType.PDF);
        assertEquals("x".repeat(FileName.MAX_BASE_CHARACTERS) + ".pdf", cleaned);
    }

    @Test
    void namesArriveAsPercentEncodedUtf8() {
        assertEquals("Één verslag.pdf", FileName.clean("%C3%89%C3%A9n%20verslag.pdf", AttachmentType.PDF));
        assertEquals("100% zeker+.pdf", FileName.clean("100% zeker+.pdf", AttachmentType.PDF), "a lone % stays");
    }

    @Test
    void aDownloadIsSavedUnderItsNameInAsciiAndUtf8() {
        assertEquals("attachment; filename=\"_n verslag.pdf\"; filename*=UTF-8''%C3%89n%20verslag.pdf",
                     FileName.contentDisposition("Én verslag.pdf"));
    }

    private static Upload read(byte[] content, long max) {
        return Upload.read(new ByteArrayInputStream(content), -1, max);
    }

    private static void assertProblem(ProblemType expected, Runnable action) {
        ProblemException problem = assertThrows(ProblemException.class, action::run);
        assertEquals(expected, problem.type());
        assertTrue(!problem.getMessage().isBlank());
    }
}
