package nl.familyliaison.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request the load generators send over and over: method, address, headers and body. */
record Target(String method, URI uri, Map<String, String> headers, String body) {

    static Target get(URI base, String path) {
        return new Target("GET", base.resolve(path), Map.of(), null);
    }

    static Target post(URI base, String path, String body) {
        return new Target("POST", base.resolve(path), Map.of("Origin", origin(base)), body);
    }

    /** The same request with one more header. */
    Target with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Target(method, uri, Map.copyOf(more), body);
    }

    HttpRequest toHttpRequest() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                             : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return builder.build();
    }

    /**
     * A wrk script that sends these requests in turn (each wrk thread from its own starting point). They are made in
     * init, after wrk has set the Host header.
     */
    static String wrkScript(List<Target> targets) {
        StringBuilder lua = new StringBuilder("local requests = {}\nlocal next = 0\nfunction init(args)\n");
        for (Target target : targets) {
            StringBuilder headers = new StringBuilder("{");
            target.headers().forEach((name, value) -> headers.append('[').append(luaString(name)).append("] = ")
                    .append(luaString(value)).append(", "));
            lua.append("  table.insert(requests, wrk.format(").append(luaString(target.method())).append(", ")
                    .append(luaString(target.uri().getRawPath())).append(", ").append(headers).append("}, ")
                    .append(target.body() == null ? "nil" : luaString(target.body())).append("))\n");
        }
        return lua.append("  next = math.random(#requests)\nend\n")
                .append("function request()\n  next = next % #requests + 1\n  return requests[next]\nend\n")
                .toString();
    }

    private static String luaString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String origin(URI base) {
        return base.getScheme() + "://" + base.getAuthority();
    }
}
