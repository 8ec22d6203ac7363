package nl.familyliaison.ratelimit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.helidon.config.Config;

/**
 * Every policy under {@code rate-limits.<name>}, read and checked once at start-up: a missing or malformed value
 * stops the service with a message that names the key, instead of a limit that silently does not hold.
 */
public final class RateLimitPolicies {

    private static final Set<String> KEYS = Set.of("capacity", "period", "shared");

    private final Map<String, RateLimitPolicy> byName;

    private RateLimitPolicies(Map<String, RateLimitPolicy> byName) {
        this.byName = Map.copyOf(byName);
    }

    /**
     * Reads the {@code rate-limits} node.
     *
     * @throws IllegalStateException naming the key when a policy is missing a value or has one that does not fit
     */
    public static RateLimitPolicies from(Config rateLimits) {
        if (!rateLimits.exists() || rateLimits.type() != Config.Type.OBJECT) {
            throw new IllegalStateException("The configuration has no " + rateLimits.key() + " policies");
        }
        Map<String, RateLimitPolicy> byName = new HashMap<>();
        for (Config policy : rateLimits.asNodeList().get()) {
            byName.put(policy.name(), policy(policy));
        }
        return new RateLimitPolicies(byName);
    }

    /**
     * The policy with this name.
     *
     * @throws IllegalArgumentException when there is none: the calling code names a policy that does not exist
     */
    public RateLimitPolicy get(String name) {
        RateLimitPolicy policy = byName.get(name);
        if (policy == null) {
            throw new IllegalArgumentException("There is no rate limit policy '" + name + "'; the known ones are "
                                               + byName.keySet());
        }
        return policy;
    }

    /** Every policy, by name. */
    public List<RateLimitPolicy> all() {
        return byName.values().stream().sorted(Comparator.comparing(RateLimitPolicy::name)).toList();
    }

    private static RateLimitPolicy policy(Config policy) {
        if (policy.type() != Config.Type.OBJECT) {
            throw invalid(policy, "must hold capacity, period and shared");
        }
        for (Config child : policy.asNodeList().get()) {
            if (!KEYS.contains(child.name())) {
                throw invalid(child, "is not a rate limit setting; use capacity, period and shared");
            }
        }
        long capacity = value(policy.get("capacity"), "a whole number of at least 1", Long::parseLong);
        Duration period = value(policy.get("period"), "a positive ISO-8601 duration such as PT15M", Duration::parse);
        boolean shared = value(policy.get("shared"), "true or false", RateLimitPolicies::strictBoolean);
        if (capacity < 1) {
            throw invalid(policy.get("capacity"), "must be a whole number of at least 1");
        }
        if (period.isNegative() || period.isZero()) {
            throw invalid(policy.get("period"), "must be a positive ISO-8601 duration such as PT15M");
        }
        return new RateLimitPolicy(policy.name(), capacity, period, shared);
    }

    private static <T> T value(Config node, String expected, Function<String, T> parse) {
        String text = node.asString().orElseThrow(() -> invalid(node, "is missing; it must be " + expected));
        try {
            return parse.apply(text.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(node, "is '" + text + "'; it must be " + expected);
        }
    }

    private static boolean strictBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static IllegalStateException invalid(Config node, String problem) {
        return new IllegalStateException("Rate limit setting " + node.key() + " " + problem);
    }
}
