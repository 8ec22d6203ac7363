package nl.familyliaison.audit;

import java.time.Instant;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;

/**
 * Whether the sealer's last write of the head file worked, on {@code /observe/health/ready} (check
 * {@code audit-head-file}) and as the counter {@code audit_head_file_write_failures_total} on {@code /observe/metrics}.
 *
 * <p>The check reports a failing write in its details but stays UP. Readiness DOWN would take the instance out of the
 * load balancer, and with one shared head file every instance at once: families could no longer reach their family
 * inspector, while nothing is being lost — the events are in the database and chained, only their copy outside it
 * lags, and the next line written names the whole head again. Alert on the counter; the details say since when.
 */
public final class HeadFileHealth implements HealthCheck {

    private final Counter failures;
    private volatile Instant failingSince;
    private volatile String lastError;

    HeadFileHealth(MeterRegistry registry) {
        this.failures = registry.getOrCreate(
                Counter.builder("audit.head.file.write.failures")
                        .description("Chain heads that could not be written to the audit head file"));
    }

    void written() {
        failingSince = null;
        lastError = null;
    }

    void failed(Instant at, Exception cause) {
        failures.increment();
        if (failingSince == null) {
            failingSince = at;
        }
        lastError = cause.getClass().getSimpleName();
    }

    /** Whether the last head file write failed. */
    public boolean failing() {
        return failingSince != null;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "audit-head-file";
    }

    @Override
    public HealthCheckResponse call() {
        Instant since = failingSince;
        HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                .status(true)
                .detail("lastWrite", since == null ? "ok" : "failed");
        if (since != null) {
            response.detail("failingSince", since.toString()).detail("error", String.valueOf(lastError));
        }
        return response.build();
    }
}
