package nl.familyliaison.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;

/**
 * Registers the API's routes and remembers them, so that the service can tell "no such route" (404) from "no such
 * method on this route" (405), and so that tests can enumerate every route (the authorization matrix).
 */
public final class ApiRoutes {

    private final HttpRouting.Builder routing;
    private final List<Route> routes = new ArrayList<>();

    public ApiRoutes(HttpRouting.Builder routing) {
        this.routing = routing;
    }

    public ApiRoutes get(String path, RouteAccess access, Handler handler) {
        return add(Method.GET, path, access, handler);
    }

    public ApiRoutes post(String path, RouteAccess access, Handler handler) {
        return add(Method.POST, path, access, handler);
    }

    public ApiRoutes put(String path, RouteAccess access, Handler handler) {
        return add(Method.PUT, path, access, handler);
    }

    public ApiRoutes patch(String path, RouteAccess access, Handler handler) {
        return add(Method.PATCH, path, access, handler);
    }

    public ApiRoutes delete(String path, RouteAccess access, Handler handler) {
        return add(Method.DELETE, path, access, handler);
    }

    /**
     * Serves a file of the web client from code rather than from the static folder (a language's texts): a plain GET
     * outside the API, so neither in the route list nor in the contract.
     */
    public ApiRoutes webFile(String path, Handler handler) {
        routing.get(path, handler);
        return this;
    }

    /** Records a route served by a Helidon feature (observe, OpenAPI) so that 405 answers know about it. */
    public ApiRoutes served(Method method, String path) {
        routes.add(new Route(method, path, PUBLIC));
        return this;
    }

    /** Every route registered so far. */
    public List<Route> all() {
        return List.copyOf(routes);
    }

    /** The methods a concrete request path is served with; empty when no route has this path. */
    public List<Method> methodsFor(String requestPath) {
        return routes.stream()
                .filter(route -> route.matches(requestPath))
                .map(Route::method)
                .distinct()
                .toList();
    }

    private ApiRoutes add(Method method, String path, RouteAccess access, Handler handler) {
        routing.route(method, path, (req, res) -> {
            access.check(req);
            handler.handle(req, res);
        });
        routes.add(new Route(method, path, access));
        return this;
    }

    /** Anyone may call the route (a public text, the start of a sign-in). */
    public static final RouteAccess PUBLIC = new RouteAccess() {
        @Override
        public void check(io.helidon.webserver.http.ServerRequest request) {
        }

        @Override
        public String describe() {
            return "public";
        }
    };

    /** One route: a method, a path template such as {@code /api/cases/{caseId}}, and who may call it. */
    public record Route(Method method, String path, RouteAccess access) {

        public boolean matches(String requestPath) {
            return template().matcher(requestPath).matches();
        }

        private Pattern template() {
            String[] parts = path.split("\\{[^/}]+}", -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                regex.append(Pattern.quote(parts[i]));
                if (i < parts.length - 1) {
                    regex.append("[^/]+");
                }
            }
            return Pattern.compile(regex.toString());
        }

        @Override
        public String toString() {
            return method.text() + " " + path;
        }
    }
}
