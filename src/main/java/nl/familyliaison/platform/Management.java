package nl.familyliaison.platform;

import java.util.List;

import io.helidon.config.Config;
import io.helidon.health.HealthCheck;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/**
 * Health and metrics. The public port answers only whether the service is alive and ready ({@code /observe/health},
 * {@code /live}, {@code /ready}: 204 or 503, no body), which is all a load balancer needs. The health details (which
 * check failed, and why) and the metrics go to a management socket of their own, on 127.0.0.1 by default, so they
 * never reach the internet by accident.
 */
public final class Management {

    /** The name of the management socket (for {@code WebServer.port(SOCKET)}). */
    public static final String SOCKET = "management";
    static final int DEFAULT_PORT = 8081;

    private Management() {
    }

    /** Adds the management socket ({@code server.management.host}/{@code .port}) and both observe features with {@code checks}. */
    public static void configure(WebServerConfig.Builder server, Config management, List<HealthCheck> checks) {
        server.putSocket(SOCKET, socket -> socket
                .host(management.get("host").asString().orElse("127.0.0.1"))
                .port(management.get("port").asInt().orElse(DEFAULT_PORT)));
        server.addFeature(ObserveFeature.builder()
                                  .observersDiscoverServices(false)
                                  .addObserver(health(checks, false))
                                  .build());
        server.addFeature(ObserveFeature.builder()
                                  .name("management-observe")
                                  .sockets(List.of(SOCKET))
                                  .observersDiscoverServices(false)
                                  .addObserver(health(checks, true))
                                  .addObserver(MetricsObserver.create())
                                  .build());
    }

    private static HealthObserver health(List<HealthCheck> checks, boolean details) {
        var health = HealthObserver.builder().details(details);
        checks.forEach(health::addCheck);
        return health.build();
    }
}
