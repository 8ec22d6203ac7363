package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

/** Links point where the service really is: the configured public address, else its own host and port. */
class PublicUrlTest {

    @Test
    void withoutAPublicUrlTheServersOwnHostAndPortAreUsed() {
        assertEquals("http://127.0.0.1:9090", PublicUrl.of(config(Map.of("server.host", "127.0.0.1",
                                                                         "server.port", "9090"))));
        assertEquals("http://127.0.0.1:8443", PublicUrl.of(config(Map.of("server.host", "0.0.0.0",
                                                                         "server.port", "8443"))));
        assertEquals("http://[::1]:8080", PublicUrl.of(config(Map.of("server.host", "::1"))));
    }

    @Test
    void aConfiguredPublicUrlWins() {
        assertEquals("https://contact.example.nl", PublicUrl.of(config(Map.of(
                "http.public-url", "https://contact.example.nl/", "server.port", "9090"))));
    }

    private static Config config(Map<String, String> values) {
        return Config.builder(ConfigSources.create(values)).disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource().build();
    }
}
