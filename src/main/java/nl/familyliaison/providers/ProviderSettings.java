package nl.familyliaison.providers;

import java.util.List;
import java.util.Set;

import io.helidon.config.Config;

/**
 * One provider's settings ({@code oidc.members.*} or {@code oidc.staff.*}). An empty issuer means the provider is not
 * offered. Members: {@code acrValues} are asked for, {@code acceptedAcr} are the levels the ID token must assert.
 * Staff: {@code accountClaim} names the claim matched to a staff account's address; {@code mfaAmr}/{@code mfaAcr} say
 * which assertions count as multi-factor.
 */
record ProviderSettings(Provider provider, String issuer, String clientId, String clientSecret, List<String> scopes,
                        List<String> acrValues, Set<String> acceptedAcr, boolean required, String accountClaim,
                        Set<String> mfaAmr, Set<String> mfaAcr) {

    /** RFC 8176's "mfa" only: otp, hwk, fpt and the like each name one factor, which may be the only one. */
    static final List<String> DEFAULT_MFA_AMR = List.of("mfa");

    static ProviderSettings of(Provider provider, Config oidc) {
        Config config = oidc.get(provider.settings());
        return new ProviderSettings(provider,
                                    text(config, "issuer", ""),
                                    text(config, "client-id", ""),
                                    text(config, "client-secret", ""),
                                    list(config, "scopes", List.of("openid")),
                                    list(config, "acr-values", List.of()),
                                    Set.copyOf(list(config, "accepted-acr", List.of())),
                                    config.get("required").asBoolean().orElse(false),
                                    text(config, "account-claim", "email"),
                                    Set.copyOf(list(config, "mfa-amr", DEFAULT_MFA_AMR)),
                                    Set.copyOf(list(config, "mfa-acr", List.of())));
    }

    /** Whether the provider is offered at all. */
    boolean offered() {
        return !issuer.isBlank();
    }

    /** Members must sign in with DigiD (offered and required). */
    boolean requiredForMembers() {
        return provider == Provider.DIGID && offered() && required;
    }

    private static String text(Config config, String key, String otherwise) {
        return config.get(key).asString().map(String::strip).orElse(otherwise);
    }

    /** A list as YAML or as one comma-separated value (an environment variable). */
    private static List<String> list(Config config, String key, List<String> otherwise) {
        Config node = config.get(key);
        if (!node.exists()) {
            return otherwise;
        }
        List<String> values = node.asList(String.class).orElseGet(
                () -> List.of(node.asString().orElse("").split(",")));
        List<String> cleaned = values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
        return cleaned.isEmpty() && node.isLeaf() && node.asString().orElse("").isBlank() ? List.of() : cleaned;
    }
}
