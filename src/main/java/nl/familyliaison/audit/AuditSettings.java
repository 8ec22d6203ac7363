package nl.familyliaison.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.helidon.config.Config;

/**
 * How the access log is sealed.
 *
 * @param sealInterval how long the sealer waits between runs when it has caught up ({@code audit.seal-interval})
 * @param headFile     the file outside the database that gets a line for every new chain head ({@code audit.head-file})
 * @param batchSize    how many events one sealing transaction takes at most ({@code audit.batch-size})
 */
public record AuditSettings(Duration sealInterval, Path headFile, int batchSize) {

    public static final Duration DEFAULT_SEAL_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_BATCH_SIZE = 1000;

    public AuditSettings {
        Objects.requireNonNull(headFile, "headFile");
        if (sealInterval.isNegative() || sealInterval.isZero()) {
            throw new IllegalArgumentException("audit.seal-interval must be positive: " + sealInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("audit.batch-size must be at least 1: " + batchSize);
        }
    }

    /**
     * Reads the {@code audit} node of the service's configuration; an empty {@code audit.head-file} means
     * {@code <data.dir>/audit/chain-head.log}.
     */
    public static AuditSettings from(Config config) {
        Config audit = config.get("audit");
        Path dataDir = Path.of(config.get("data.dir").asString().orElse("data"));
        Path headFile = audit.get("head-file").asString().asOptional()
                .filter(path -> !path.isBlank())
                .map(Path::of)
                .orElse(dataDir.resolve("audit").resolve("chain-head.log"));
        return new AuditSettings(audit.get("seal-interval").as(Duration.class).orElse(DEFAULT_SEAL_INTERVAL),
                                 headFile,
                                 audit.get("batch-size").asInt().orElse(DEFAULT_BATCH_SIZE));
    }
}
