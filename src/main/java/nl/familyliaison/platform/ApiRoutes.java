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

    public ApiRoutes get(String path, Handler handler) {
        return add(Method.GET, path, handler);
    }

    public ApiRoutes post(String path, Handler handler) {
        return add(Method.POST, path, handler);
    }

    public ApiRoutes put(String path, Handler handler) {
        return add(Method.PUT, path, handler);
    }

    public ApiRoutes patch(String path, Handler handler) {
        return add(Method.PATCH, path, handler);
    }

    public ApiRoutes delete(String path, Handler handler) {
        return add(Method.DELETE, path, handler);
    }

    /** Records a route served by a Helidon feature (observe, OpenAPI) so that 405 answers know about it. */
    public ApiRoutes served(Method method, String path) {
        routes.add(new Route(method, path));
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

    private ApiRoutes add(Method method, String path, Handler handler) {
        routing.route(method, path, handler);
        routes.add(new Route(method, path));
        return this;
    }

    /** One route: a method and a path template such as {@code /api/cases/{caseId}}. */
    public record Route(Method method, String path) {

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
