package nl.familyliaison.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.helidon.config.Config;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policies and statements are read at start-up; anything missing or malformed stops it with the key named. */
class RateLimitSettingsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        RateLimitPolicies policies = RateLimitPolicies.from(config(Map.of()).get("rate-limits"));

        assertEquals(Set.of(
                new RateLimitPolicy("code-request-ip", 10, Duration.ofMinutes(15), true),
                new RateLimitPolicy("code-request-address", 5, Duration.ofHours(1), true),
                new RateLimitPolicy("code-check-ip", 30, Duration.ofMinutes(15), true),
                new RateLimitPolicy("staff-password-ip", 10, Duration.ofMinutes(15), true),
                new RateLimitPolicy("staff-password-account-ip", 10, Duration.ofHours(1), true),
                new RateLimitPolicy("staff-password-account", 10, Duration.ofHours(1), true),
                new RateLimitPolicy("api-client", 300, Duration.ofMinutes(1), false),
                new RateLimitPolicy("message-post-account", 30, Duration.ofMinutes(10), true),
                new RateLimitPolicy("upload-account", 20, Duration.ofMinutes(10), true),
                new RateLimitPolicy("invitation-account", 30, Duration.ofHours(1), true),
                new RateLimitPolicy("export-account", 3, Duration.ofHours(1), true),
                new RateLimitPolicy("passkey-sign-in-ip", 60, Duration.ofMinutes(15), true)),
                     Set.copyOf(policies.all()));
    }

    @Test
    void aSettingCanBeOverridden() {
        RateLimitPolicies policies = RateLimitPolicies.from(
                config(Map.of("rate-limits.api-client.capacity", "600", "rate-limits.api-client.shared", "true"))
                        .get("rate-limits"));
        assertEquals(new RateLimitPolicy("api-client", 600, Duration.ofMinutes(1), true), policies.get("api-client"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "capacity | 0          | must be a whole number of at least 1",
            "capacity | -5         | must be a whole number of at least 1",
            "capacity | ten        | is 'ten'; it must be a whole number of at least 1",
            "capacity | 2.5        | is '2.5'; it must be a whole number of at least 1",
            "period   | 15 minutes | is '15 minutes'; it must be a positive ISO-8601 duration",
            "period   | PT0S       | must be a positive ISO-8601 duration",
            "period   | -PT1M      | must be a positive ISO-8601 duration",
            "shared   | yes        | is 'yes'; it must be true or false"})
    void aMalformedValueNamesItsKey(String key, String value, String problem) {
        IllegalStateException failure = startWith(Map.of("rate-limits.code-check-ip." + key, value));
        assertTrue(failure.getMessage().startsWith("Rate limit setting rate-limits.code-check-ip." + key + " "),
                   failure.getMessage());
        assertTrue(failure.getMessage().contains(problem), failure.getMessage());
    }

    @Test
    void aMissingValueNamesItsKey() {
        Map<String, String> onlyOnePolicy = new HashMap<>();
        onlyOnePolicy.put("rate-limits.uploads-per-day.capacity", "5");
        onlyOnePolicy.put("rate-limits.uploads-per-day.shared", "true");
        IllegalStateException failure = startWith(onlyOnePolicy);
        assertEquals("Rate limit setting rate-limits.uploads-per-day.period is missing; it must be a positive"
                     + " ISO-8601 duration such as PT15M", failure.getMessage());
    }

    @Test
    void aMisspelledSettingIsRefused() {
        IllegalStateException failure = startWith(Map.of("rate-limits.upload-account.capcity", "5"));
        assertTrue(failure.getMessage().contains("rate-limits.upload-account.capcity is not a rate limit setting"),
                   failure.getMessage());
    }

    @Test
    void anUnknownPolicyIsAProgrammingError() {
        RateLimitPolicies policies = RateLimitPolicies.from(config(Map.of()).get("rate-limits"));
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                                                        () -> policies.get("code-request-email"));
        assertTrue(failure.getMessage().contains("'code-request-email'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("code-request-address"), "it lists the known ones");
    }

    @Test
    void noPoliciesAtAllIsRefused() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                                                     () -> RateLimitPolicies.from(config(Map.of()).get("no-limits")));
        assertTrue(failure.getMessage().contains("no-limits"), failure.getMessage());
    }

    @Test
    void aMissingStatementIsNamed() {
        Config statements = config(Map.of("db.statements.ratelimit-save-bucket", "")).get("db.statements");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                                                     () -> BucketStatements.from(statements));
        assertEquals("The named statement db.statements.ratelimit-save-bucket is missing", failure.getMessage());
    }

    @Test
    void everyStatementIsThere() {
        BucketStatements statements = BucketStatements.from(config(Map.of()).get("db.statements"));
        assertTrue(statements.lock().contains("FOR UPDATE"), "the bucket row is locked for the whole attempt");
    }

    private static IllegalStateException startWith(Map<String, String> settings) {
        return assertThrows(IllegalStateException.class,
                            () -> RateLimitPolicies.from(config(settings).get("rate-limits")));
    }

    private static Config config(Map<String, String> settings) {
        return TestService.config(settings);
    }
}
