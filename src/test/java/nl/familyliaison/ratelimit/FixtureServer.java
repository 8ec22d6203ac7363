package nl.familyliaison.ratelimit;

import java.net.URI;
import java.util.function.Consumer;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Filter;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.ErrorMapping;
import nl.familyliaison.platform.RequestLog;
import nl.familyliaison.platform.TrustedProxies;
import nl.familyliaison.support.Api;

/**
 * A web server put together the way the service puts its own together (request log first, then the given filter,
 * the platform's one error mapping) with fixture routes, so a test sees the answers a client would.
 */
final class FixtureServer implements AutoCloseable {

    private final WebServer server;

    FixtureServer(Filter filter, Consumer<ApiRoutes> routes) {
        RequestLog requestLog = new RequestLog(TrustedProxies.none());
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> {
                    ApiRoutes api = new ApiRoutes(routing);
                    routing.addFilter(requestLog::filter);
                    routing.addFilter(filter);
                    routing.error(Throwable.class, new ErrorMapping(api, requestLog));
                    routes.accept(api);
                })
                .build()
                .start();
    }

    /** A client for the fixture routes (they are not in the API contract). */
    Api api() {
        return new Api(URI.create("http://127.0.0.1:" + server.port() + "/"), false);
    }

    @Override
    public void close() {
        server.stop();
    }
}
