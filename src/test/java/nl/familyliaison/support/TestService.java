package nl.familyliaison.support;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import nl.familyliaison.Main;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Settings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real service, started in the test JVM on a free port against a fresh database of the shared test MariaDB.
 * One per test class, usually: {@code @RegisterExtension static final TestService service = TestService.perClass();}
 * starts before the class's first test and stops after its last; {@link #start()} starts one at once, to close.
 */
public final class TestService implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** A fixed 256-bit key for data at rest in tests (never used outside them). */
    public static final String TEST_KEY = "dGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY=";

    private final UnaryOperator<Builder> perClassSettings;
    private Main.RunningService running;
    private Map<String, String> settings;
    private TestClock clock;
    private Api api;
    private People people;

    private TestService(UnaryOperator<Builder> perClassSettings) {
        this.perClassSettings = perClassSettings;
    }

    private TestService started(Main.RunningService running, Map<String, String> settings, TestClock clock) {
        this.running = running;
        this.settings = settings;
        this.clock = clock;
        this.api = new Api(URI.create("http://127.0.0.1:" + running.port() + "/"), true);
        this.people = new People(this);
        return this;
    }

    public static TestService start() {
        return builder().start();
    }

    /** A service for a test class, started before its first test, stopped after its last. */
    public static TestService perClass() {
        return perClass(UnaryOperator.identity());
    }

    /** With settings of its own, for example {@code builder -> builder.set("key", "value")}. */
    public static TestService perClass(UnaryOperator<Builder> settings) {
        return new TestService(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Builder builder = perClassSettings.apply(builder());
        started(builder.run(), Map.copyOf(builder.settings), builder.clock);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (running != null) {
            close();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The configuration the service runs with: application.yaml overridden by {@code settings}. */
    public static Config config(Map<String, String> settings) {
        return Settings.withOverrides(ConfigSources.create(Map.of()).build(), settings);
    }

    public Api api() {
        return api;
    }

    /** The management port (health details, metrics): not part of the public contract, so not checked against it. */
    public Api management() {
        return new Api(URI.create("http://127.0.0.1:" + running.managementPort() + "/"), false);
    }

    public TestClock clock() {
        return clock;
    }

    /** The people of this service's tests, made and signed in over its API. */
    public People people() {
        return people;
    }

    public Main.RunningService running() {
        return running;
    }

    public String setting(String key) {
        return settings.get(key);
    }

    @Override
    public void close() {
        running.stop();
    }

    /** Settings for one test service. */
    public static final class Builder {
        private final Map<String, String> settings = new HashMap<>();
        private TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        private Consumer<ApiRoutes> moreRoutes = routes -> { };

        private Builder() {
            settings.put("server.port", "0");
            settings.put("server.management.port", "0");
            settings.put("server.host", "127.0.0.1");
            settings.put("crypto.keys", "test-1:" + TEST_KEY);
            settings.put("mail.smtp.host", "127.0.0.1");
            settings.put("mail.smtp.transport", "SMTP");
            settings.put("notify.delivery.poll-interval", "PT0.1S");
            // Every test request comes from 127.0.0.1: the limits are generous here and tested on their own.
            for (String policy : List.of("code-request-ip", "code-request-address", "code-check-ip",
                                         "staff-password-ip", "staff-password-account-ip", "staff-password-account",
                                         "passkey-sign-in-ip", "api-client")) {
                settings.put("rate-limits." + policy + ".capacity", "100000");
            }
        }

        public Builder set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /**
         * Served at {@code http://localhost:<port>} (and named so in links): passkeys need a host name, not an IP
         * address, as their relying party.
         */
        public Builder onLocalhost(int port) {
            return set("server.port", String.valueOf(port)).set("http.public-url", "http://localhost:" + port);
        }

        public Builder clock(TestClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder routes(Consumer<ApiRoutes> moreRoutes) {
            this.moreRoutes = moreRoutes;
            return this;
        }

        public TestService start() {
            Main.RunningService running = run();
            return new TestService(UnaryOperator.identity()).started(running, Map.copyOf(settings), clock);
        }

        private Main.RunningService run() {
            settings.computeIfAbsent("mail.smtp.port", key -> String.valueOf(TestMail.port()));
            settings.computeIfAbsent("db.url", key -> TestDatabase.newDatabase());
            settings.putIfAbsent("db.user", "root");
            settings.computeIfAbsent("db.password", key -> TestDatabase.password());
            settings.computeIfAbsent("data.dir", key -> TestFolders.fresh("service-data").toString());
            return Main.start(config(settings), clock, moreRoutes);
        }
    }
}
