package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import nl.familyliaison.support.TestFolders;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/** With a JDBC URL configured, the service uses that server and creates nothing in its local data folder. */
class ExternalDatabaseTest {

    @Test
    void anExternalDatabaseLeavesTheDataFolderUntouched() {
        Path dataDir = TestFolders.fresh("external").resolve("data");
        try (TestService service = TestService.builder().set("data.dir", dataDir.toString()).start()) {
            assertEquals(204, service.api().get("/observe/health/ready").status());
            assertEquals(9, service.api().get("/api/phases").json().path("phases").size());
            assertFalse(service.running().database().embedded().isPresent());
        }
        assertFalse(Files.exists(dataDir), "nothing was written to " + dataDir);
    }
}
