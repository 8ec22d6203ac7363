package nl.familyliaison.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

class MessageSettingsTest {

    @Test
    void attachmentsMayBeTenMegabytesUnlessConfiguredOtherwise() {
        assertEquals(10 * 1024 * 1024, MessageSettings.from(TestService.config(Map.of())).attachmentMaxBytes());
        assertEquals(2048, MessageSettings.from(TestService.config(Map.of("messages.attachment-max-bytes", "2048")))
                .attachmentMaxBytes());
    }

    @Test
    void theWebServersBodyLimitCapsTheAttachmentLimit() {
        assertEquals(1024, MessageSettings.from(TestService.config(Map.of("messages.attachment-max-bytes", "2048",
                                                                           "server.max-payload-size", "1024")))
                .attachmentMaxBytes());
        assertThrows(IllegalStateException.class, () -> MessageSettings.from(
                TestService.config(Map.of("messages.attachment-max-bytes", "0"))));
    }
}
