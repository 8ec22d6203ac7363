package nl.familyliaison.bench;

import java.time.Clock;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import nl.familyliaison.Main;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Settings;
import nl.familyliaison.platform.Shutdown;

/**
 * The service as the benchmark runs it in its own process: the service's own start, configured as an operator's
 * (environment, system properties), with the peer routes p0–p2 added through the same route hook tests use, and the
 * bare peer pb on a web server of its own in the same process (port from the system property {@code bench.bare-port}).
 */
public final class BenchmarkService {

    private BenchmarkService() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Settings.load();
        Clock clock = Clock.systemUTC();
        BenchmarkPeers peers = new BenchmarkPeers(clock);
        Main.RunningService service = Main.start(config, clock, peers::routes);
        // The benchmark's database is external and its keys are configured (FL_CRYPTO_KEYS): no local key folder.
        peers.bind(service.database().client(), KeyRing.create(config.get("crypto"), Optional.empty()));
        WebServer bare = BarePeer.start(Integer.getInteger("bench.bare-port", 0));
        Shutdown.onSignals(() -> {
            bare.stop();
            service.stop();
        });
    }
}
