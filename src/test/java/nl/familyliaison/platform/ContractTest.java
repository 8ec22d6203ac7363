package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.http.Method;
import nl.familyliaison.platform.ContractOperations.BodyKind;
import nl.familyliaison.platform.ContractOperations.Op;
import nl.familyliaison.support.Contract;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * openapi.yaml is served as it is, answers that stray from it fail the tests, and every route's operation declares
 * the security its guards really ask for.
 */
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

    @Test
    void everyRouteDeclaresTheSecurityItsGuardsAskFor() {
        List<ApiRoutes.Route> routes = service.running().routes().all().stream()
                .filter(route -> !route.path().startsWith("/api/fixture/"))
                .toList();
        assertTrue(routes.size() > 100, "the service's routes: " + routes.size());
        assertEquals(List.of(), ContractSecurity.mismatches(routes, ContractOperations.read()));
    }

    @Test
    void aRouteWhoseSecurityIsMissingOrMisstatedFails() {
        ContractOperations real = ContractOperations.read();
        assertFalse(ContractSecurity.mismatches(List.of(route(Method.GET, "/api/phases", signedIn())), real).isEmpty(),
                    "a guarded route declared public");
        assertFalse(ContractSecurity.mismatches(List.of(route(Method.GET, "/api/session", ApiRoutes.PUBLIC)), real)
                            .isEmpty(), "a public route declared signed-in");
        assertFalse(ContractSecurity.mismatches(List.of(route(Method.GET, "/api/fixture/strays", ApiRoutes.PUBLIC)),
                                                real).isEmpty(), "a route not in the contract");
        List<List<Set<String>>> wrongForGuardedPost = List.of(
                List.of(), List.of(Set.of("sessionCookie")), List.of(Set.of("csrfHeader")),
                List.of(Set.of("sessionCookie", "csrfHeader"), Set.of("sessionCookie")),
                List.of(Set.of("sessionCookie", "csrfHeader", "staffOidc")));
        for (List<Set<String>> declared : wrongForGuardedPost) {
            assertFalse(mismatches(Method.POST, signedIn(), declared).isEmpty(), "guarded POST declaring " + declared);
        }
        assertFalse(mismatches(Method.POST, signedIn(), null).isEmpty(), "an operation without security");
        assertFalse(mismatches(Method.POST, ApiRoutes.PUBLIC, List.of()).isEmpty(), "a public POST without the header");
        assertFalse(mismatches(Method.GET, ApiRoutes.PUBLIC, List.of(Set.of("csrfHeader"))).isEmpty(),
                    "a public GET asking for the header");
        assertFalse(mismatches(Method.POST, ApiRoutes.PUBLIC, List.of(Set.of("csrfHeader", "staffOidc", "membersOidc")))
                            .isEmpty(), "two providers at once");
    }

    @Test
    void whatEachGuardAsksForFits() {
        assertTrue(mismatches(Method.GET, ApiRoutes.PUBLIC, List.of()).isEmpty());
        assertTrue(mismatches(Method.POST, ApiRoutes.PUBLIC, List.of(Set.of("csrfHeader"))).isEmpty());
        assertTrue(mismatches(Method.GET, signedIn(), List.of(Set.of("sessionCookie"))).isEmpty());
        assertTrue(mismatches(Method.DELETE, signedIn(), List.of(Set.of("sessionCookie", "csrfHeader"))).isEmpty());
        assertTrue(mismatches(Method.POST, ApiRoutes.PUBLIC, List.of(Set.of("csrfHeader", "membersOidc"),
                                                                     Set.of("csrfHeader", "staffOidc"))).isEmpty(),
                   "the route taking a provider's answer may name the providers");
    }

    /** The security checker's verdict on one fixture route whose operation declares this. */
    private static List<String> mismatches(Method method, RouteAccess access, List<Set<String>> declared) {
        String path = "/api/fixture/secured";
        Op op = new Op(method.text(), path, List.of(), BodyKind.NONE, null, declared);
        return ContractSecurity.mismatches(List.of(route(method, path, access)),
                                           new ContractOperations(List.of(op), ContractOperations.read().schemes()));
    }

    /** The real guard of a route for anyone signed in. */
    private static RouteAccess signedIn() {
        return service.running().routes().all().stream()
                .filter(route -> route.toString().equals("GET /api/session"))
                .map(ApiRoutes.Route::access)
                .findFirst().orElseThrow();
    }

    private static ApiRoutes.Route route(Method method, String path, RouteAccess access) {
        return new ApiRoutes.Route(method, path, access);
    }

    private static Map<String, List<String>> json() {
        return Map.of("Content-Type", List.of("application/json"));
    }
}
