package nl.familyliaison.platform;

import java.time.Duration;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness: the service can do its work only while the database answers. Checked on every probe, no caching. */
public final class DatabaseReadiness implements HealthCheck {

    private final Database database;

    public DatabaseReadiness(Database database) {
        this.database = database;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = database.isReachable(Duration.ofSeconds(1));
        return HealthCheckResponse.builder()
                .status(up)
                .detail("reachable", up)
                .build();
    }
}
