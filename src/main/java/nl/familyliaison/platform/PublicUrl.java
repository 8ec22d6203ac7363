package nl.familyliaison.platform;

import io.helidon.config.Config;

/**
 * The address people use to reach the service, which links in mails and the create-admin command point to:
 * {@code http.public-url} when it is set, else the service's own {@code server.host} and {@code server.port}
 * (so a service moved to another port links to that port). A wildcard host ({@code 0.0.0.0}, {@code ::}) names no
 * reachable address: then 127.0.0.1, and behind a load balancer {@code http.public-url} must be set.
 */
public final class PublicUrl {

    private PublicUrl() {
    }

    public static String of(Config config) {
        return config.get("http.public-url").asString().filter(url -> !url.isBlank())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> "http://" + host(config.get("server.host").asString().orElse("127.0.0.1")) + ":"
                                 + config.get("server.port").asInt().orElse(8080));
    }

    private static String host(String host) {
        String bare = host.strip();
        if (bare.isEmpty() || bare.equals("0.0.0.0") || bare.equals("::") || bare.equals("[::]")) {
            return "127.0.0.1";
        }
        return bare.contains(":") && !bare.startsWith("[") ? "[" + bare + "]" : bare;
    }
}
