package nl.familyliaison.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import nl.familyliaison.platform.Settings;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/** The audit settings in application.yaml, their defaults, and the environment variables that change them. */
class AuditSettingsTest {

    @Test
    void byDefaultSealEverySecondInBatchesOfAThousandWithTheHeadFileInTheDataFolder() {
        AuditSettings settings = AuditSettings.from(TestService.config(Map.of("data.dir", "/srv/family-liaison")));
        assertEquals(new AuditSettings(Duration.ofSeconds(1), Path.of("/srv/family-liaison/audit/chain-head.log"),
                                       1000),
                     settings);
    }

    @Test
    void eachSettingCanBeChanged() {
        AuditSettings settings = AuditSettings.from(TestService.config(Map.of("audit.seal-interval", "PT0.2S",
                                                                              "audit.head-file", "/evidence/head.log",
                                                                              "audit.batch-size", "50")));
        assertEquals(new AuditSettings(Duration.ofMillis(200), Path.of("/evidence/head.log"), 50), settings);
    }

    @Test
    void theEnvironmentVariablesAreListed() {
        assertEquals("audit.seal-interval", Settings.ENVIRONMENT.get("FL_AUDIT_SEAL_INTERVAL"));
        assertEquals("audit.head-file", Settings.ENVIRONMENT.get("FL_AUDIT_HEAD_FILE"));
        assertEquals("audit.batch-size", Settings.ENVIRONMENT.get("FL_AUDIT_BATCH_SIZE"));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class,
                     () -> AuditSettings.from(TestService.config(Map.of("audit.batch-size", "0"))));
        assertThrows(IllegalArgumentException.class,
                     () -> AuditSettings.from(TestService.config(Map.of("audit.seal-interval", "PT0S"))));
    }
}
