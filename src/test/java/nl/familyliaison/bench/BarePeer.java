package nl.familyliaison.bench;

import io.helidon.webserver.WebServer;

/**
 * The bare peer pb: the same answer as p0 from a second Helidon web server in the service's own process, with a
 * routing of its own and Helidon's defaults, so none of the service's filters (request log, authentication, API
 * limit, cross-site guard, security headers) and none of its features run for it. p0 / pb is what the filter chain
 * costs. Started only by {@link BenchmarkService}; the service's web server is built inside {@code Main.start} and
 * offers no hook for a second socket's routing, hence a server of its own on the benchmark's port.
 */
final class BarePeer {

    static final String PATH = "/benchmark/pb";

    private BarePeer() {
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port). */
    static WebServer start(int port) {
        return WebServer.builder().host("127.0.0.1").port(port).shutdownHook(false)
                .routing(routing -> routing.get(PATH, (request, response) -> response.send("ok")))
                .build().start();
    }
}
