package nl.familyliaison.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * Loads the service's configuration: {@code application.yaml} from the class path, overridden by the environment
 * variables listed in {@link #ENVIRONMENT} (the README's configuration table), overridden by system properties.
 *
 * <p>The environment mapping is an explicit table rather than a naming convention, so every variable the
 * service reads is written down in one place and nothing else in the environment can change its behaviour.
 */
public final class Settings {

    /** Environment variable → configuration key. */
    public static final Map<String, String> ENVIRONMENT = environment();

    private Settings() {
    }

    /** The configuration as the running service sees it. */
    public static Config load() {
        return load(System.getenv());
    }

    static Config load(Map<String, String> env) {
        return withOverrides(ConfigSources.systemProperties().build(), overrides(env));
    }

    /**
     * application.yaml and each feature's named statements ({@code statements/<feature>.yaml} under
     * {@code db.statements}, every such file found: {@link StatementFiles}), under the given overrides (highest
     * first).
     *
     * @param highest    a source that wins over everything (system properties; tests pass an empty map)
     * @param overrides  settings that win over the files (environment variables, or a test's settings)
     */
    public static Config withOverrides(io.helidon.config.spi.ConfigSource highest, Map<String, String> overrides) {
        List<Supplier<? extends io.helidon.config.spi.ConfigSource>> sources = new ArrayList<>();
        sources.add(() -> highest);
        sources.add(ConfigSources.create(overrides));
        sources.add(ConfigSources.classpath("application.yaml"));
        for (String file : StatementFiles.resources()) {
            sources.add(ConfigSources.classpath(file));
        }
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(sources)
                .build();
    }

    private static Map<String, String> overrides(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                values.put(key, value);
            }
        });
        return values;
    }

    private static Map<String, String> environment() {
        Map<String, String> map = new LinkedHashMap<>();
        serverAndDatabase(map);
        map.put("FL_PUBLIC_URL", "http.public-url");
        map.put("FL_CRYPTO_KEYS", "crypto.keys");
        map.put("FL_CRYPTO_ACTIVE_KEY", "crypto.active-key");
        map.put("FL_SESSION_IDLE_TIMEOUT", "sessions.idle-timeout");
        map.put("FL_SESSION_ABSOLUTE_TIMEOUT", "sessions.absolute-timeout");
        map.put("FL_MAIL_FROM", "mail.from");
        map.put("FL_LANGUAGES_DIR", "languages.directory");
        map.put("FL_MAIL_DIR", "mail.eml-dir");
        map.put("FL_SMTP_HOST", "mail.smtp.host");
        map.put("FL_SMTP_PORT", "mail.smtp.port");
        map.put("FL_SMTP_TRANSPORT", "mail.smtp.transport");
        map.put("FL_SMTP_USERNAME", "mail.smtp.username");
        map.put("FL_SMTP_PASSWORD", "mail.smtp.password");
        map.put("FL_AUDIT_SEAL_INTERVAL", "audit.seal-interval");
        map.put("FL_AUDIT_HEAD_FILE", "audit.head-file");
        map.put("FL_AUDIT_BATCH_SIZE", "audit.batch-size");
        map.put("FL_ATTACHMENT_MAX_BYTES", "messages.attachment-max-bytes");
        map.put("FL_ACCOUNT_QUOTA_BYTES", "messages.account-quota-bytes");
        map.put("FL_CASE_QUOTA_BYTES", "messages.case-quota-bytes");
        map.put("FL_APPOINTMENT_REMINDER_BEFORE", "appointments.reminder-before");
        map.put("FL_AFTERCARE_PERIOD", "cases.aftercare-period");
        map.put("FL_FEEDBACK_ADDRESS", "feedback.address");
        map.put("FL_RETENTION_CASE_CONTENT_AFTER", "retention.case-content-after");
        map.put("FL_RETENTION_AUDIT_PERSONAL_AFTER", "retention.audit-personal-after");
        map.put("FL_RETENTION_DRY_RUN", "retention.dry-run");
        signInProviders(map);
        return java.util.Collections.unmodifiableMap(map);
    }

    /** DigiD through a broker (members) and the Inspectorate's identity provider (staff); lists comma-separated. */
    private static void signInProviders(Map<String, String> map) {
        for (String[] provider : new String[][] {{"DIGID", "members"}, {"STAFF_SSO", "staff"}}) {
            for (String key : new String[] {"issuer", "client-id", "client-secret", "scopes"}) {
                map.put("FL_" + provider[0] + "_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                        "oidc." + provider[1] + "." + key);
            }
        }
        map.put("FL_DIGID_ACR_VALUES", "oidc.members.acr-values");
        map.put("FL_DIGID_ACCEPTED_ACR", "oidc.members.accepted-acr");
        map.put("FL_DIGID_REQUIRED", "oidc.members.required");
        map.put("FL_STAFF_SSO_ACCOUNT_CLAIM", "oidc.staff.account-claim");
        map.put("FL_STAFF_SSO_MFA_AMR", "oidc.staff.mfa-amr");
        map.put("FL_STAFF_SSO_MFA_ACR", "oidc.staff.mfa-acr");
    }

    /** Where the service listens, which proxies it trusts, where its data and database are. */
    private static void serverAndDatabase(Map<String, String> map) {
        map.put("FL_SERVER_HOST", "server.host");
        map.put("FL_SERVER_PORT", "server.port");
        map.put("FL_MAX_BODY_BYTES", "server.max-payload-size");
        map.put("FL_MANAGEMENT_HOST", "server.management.host");
        map.put("FL_MANAGEMENT_PORT", "server.management.port");
        map.put("FL_TRUSTED_PROXIES", "http.trusted-proxies");
        // Replaced by the above; still read, so that a deployment setting it is stopped with a message, not ignored.
        map.put("FL_TRUST_PROXY", "http.trust-proxy");
        map.put("FL_DATA_DIR", "data.dir");
        map.put("FL_DB_URL", "db.url");
        map.put("FL_DB_USER", "db.user");
        map.put("FL_DB_PASSWORD", "db.password");
        map.put("FL_DB_POOL_SIZE", "db.pool.size");
        map.put("FL_DB_CONNECT_TIMEOUT", "db.pool.connect-timeout");
        map.put("FL_DB_EMBEDDED_PORT", "db.embedded.port");
        map.put("FL_MIGRATIONS_DIR", "db.migrations");
    }
}
