package nl.familyliaison.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

import io.helidon.webserver.WebServer;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's peer routes belong to the benchmark's process only: the service as deployed has none, and the
 * benchmark's main adds them through the route hook, so they are routes the service knows (405 for another method).
 * Plain HTTP here: the peers are not part of the public contract that {@code support.Api} checks answers against.
 */
class BenchmarkPeersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theServiceAsDeployedHasNoPeerRoutes() throws Exception {
        try (TestService service = TestService.start()) {
            assertEquals(List.of(), peerRoutes(service));
            assertEquals(404, get(service, "/benchmark/p0").statusCode());
        }
    }

    @Test
    void theBenchmarksHookAddsThePeersAsPublicRoutes() throws Exception {
        try (TestService service = TestService.builder().routes(new BenchmarkPeers(Clock.systemUTC())::routes)
                .start()) {
            String open = " " + ApiRoutes.PUBLIC.describe();
            assertEquals(List.of("GET /benchmark/p0" + open, "GET /benchmark/p1" + open, "POST /benchmark/p2" + open),
                         peerRoutes(service));
            HttpResponse<String> plain = get(service, "/benchmark/p0");
            assertEquals(200, plain.statusCode());
            assertEquals("ok", plain.body());
            assertEquals(405, get(service, "/benchmark/p2").statusCode(), "p2 is POST only");
        }
    }

    @Test
    void theBarePeerAnswersLikeP0WithoutAnyOfTheServicesFilters() throws Exception {
        try (TestService service = TestService.builder().routes(new BenchmarkPeers(Clock.systemUTC())::routes)
                .start()) {
            WebServer bare = BarePeer.start(0);
            try {
                HttpResponse<String> p0 = get(service, "/benchmark/p0");
                HttpResponse<String> pb = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + bare.port() + BarePeer.PATH)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, pb.statusCode());
                assertEquals(p0.body(), pb.body());
                assertTrue(p0.headers().firstValue("Content-Security-Policy").isPresent(), "p0 has the filters");
                assertEquals(java.util.Optional.empty(), pb.headers().firstValue("Content-Security-Policy"),
                             "pb has none of them");
            } finally {
                bare.stop();
            }
        }
    }

    private static List<String> peerRoutes(TestService service) {
        return service.running().routes().all().stream().filter(route -> route.path().startsWith("/benchmark/"))
                .map(route -> route + " " + route.access().describe()).toList();
    }

    private static HttpResponse<String> get(TestService service, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + service.running().port() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
