package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.familyliaison.support.Contract;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** openapi.yaml is served as it is, and answers that stray from it fail the tests. */
class ContractTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.builder()
                .routes(routes -> routes.get("/api/fixture/strays", ApiRoutes.PUBLIC,
                                             (req, res) -> res.send(Map.of("unexpected", true))))
                .start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theServedContractIsTheTopLevelFile() throws IOException {
        String served = service.api().get("/openapi", "Accept", "application/vnd.oai.openapi").body();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode expected = yaml.readTree(Files.readString(Contract.FILE));
        assertEquals(expected, yaml.readTree(served));
    }

    @Test
    void anAnswerTheContractDoesNotDescribeFails() {
        String good = "{\"phases\":[]}";
        assertTrue(Contract.violations("GET", "/api/phases", 200, json(), good).isEmpty());
        assertFalse(Contract.violations("GET", "/api/phases", 200, json(), "{\"phases\":[],\"extra\":1}").isEmpty(),
                    "an undeclared field");
        assertFalse(Contract.violations("GET", "/api/phases", 200, json(), "{\"list\":[]}").isEmpty(),
                    "a missing field");
        assertFalse(Contract.violations("GET", "/api/phases", 201, json(), good).isEmpty(), "an undeclared status");
        assertFalse(Contract.violations("GET", "/api/not-in-contract", 200, json(), good).isEmpty(),
                    "an undeclared route");
    }

    @Test
    void aRealRouteThatStraysFromTheContractFailsItsTest() {
        assertThrows(AssertionError.class, () -> service.api().get("/api/fixture/strays"));
        assertEquals(200, service.api().unchecked().get("/api/fixture/strays").status());
    }

    private static Map<String, List<String>> json() {
        return Map.of("Content-Type", List.of("application/json"));
    }
}
