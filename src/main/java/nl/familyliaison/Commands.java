package nl.familyliaison;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import io.helidon.config.Config;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.Role;
import nl.familyliaison.signin.StaffAccounts;
import nl.familyliaison.audit.AuditLog;
import nl.familyliaison.audit.AuditRepository;
import nl.familyliaison.audit.AuditSettings;
import nl.familyliaison.audit.AuditVerifier;
import nl.familyliaison.audit.Outcome;
import nl.familyliaison.audit.Verification;
import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.PublicUrl;

/**
 * One-off commands on the service's database, run instead of the service:
 * {@code create-admin <email> <name…>} (the first two administrators of an installation) and {@code verify-audit}.
 */
final class Commands {

    /** How many administrators the installation command may create: enough for one to approve the other. */
    static final int FIRST_ADMINS = 2;

    private Commands() {
    }

    /** Runs a command; returns the process exit code. */
    static int run(List<String> words, Config config, Clock clock, PrintStream out) {
        String command = words.getFirst();
        return switch (command) {
            case "create-admin" -> createAdmin(words.subList(1, words.size()), config, clock, out);
            case "verify-audit" -> verifyAudit(config, clock, out);
            default -> {
                out.println("Unknown command '" + command + "'. Known: create-admin <email> <name>, verify-audit");
                yield 2;
            }
        };
    }

    /** The words of a command line, however Maven or a shell split them. */
    static List<String> words(String[] args) {
        return Arrays.stream(String.join(" ", args).trim().split("\\s+")).filter(word -> !word.isBlank()).toList();
    }

    private static int createAdmin(List<String> arguments, Config config, Clock clock, PrintStream out) {
        if (arguments.size() < 2) {
            out.println("Usage: create-admin <email> <name>");
            return 2;
        }
        Path dataDir = Path.of(config.get("data.dir").asString().orElse("data"));
        try (Database database = Database.open(config.get("db"), dataDir)) {
            Main.migrate(config, database);
            Features features = Features.build(config, database, clock, dataDir);
            // Four eyes need two administrators; from then on every staff account is asked for by one
            // administrator and approved by another, in the service.
            long admins = features.staffAccounts().list().stream()
                    .filter(account -> account.role() == Role.ADMIN && account.status() != Account.Status.DISABLED)
                    .count();
            if (admins >= FIRST_ADMINS) {
                out.println("There are " + FIRST_ADMINS + " administrators already; further staff accounts are asked"
                            + " for by one administrator and approved by another, in the service.");
                return 1;
            }
            String name = String.join(" ", arguments.subList(1, arguments.size()));
            StaffAccounts.Invited invited = features.staffAccounts().create(arguments.getFirst(), name, Role.ADMIN,
                                                                            features.languages().standard());
            String url = PublicUrl.of(config);
            out.println("Administrator " + invited.account().email() + " created. Open this link once to choose a"
                        + " password and connect an authenticator app:");
            out.println(url + invited.enrolmentPath());
            return 0;
        }
    }

    private static int verifyAudit(Config config, Clock clock, PrintStream out) {
        Path dataDir = Path.of(config.get("data.dir").asString().orElse("data"));
        try (Database database = Database.open(config.get("db"), dataDir)) {
            Main.migrate(config, database);
            AuditRepository repository = new AuditRepository(database.client());
            Verification verification = new AuditVerifier(repository, AuditSettings.from(config).headFile()).verify();
            // A verification is audited like any other read of the trail; from the command line there is no account.
            AuditLog log = new AuditLog(repository, clock);
            log.append(log.event("audit.verify", verification.ok() ? Outcome.SUCCEEDED : Outcome.FAILED)
                               .object("audit-chain", null).detail("verify-audit command").build());
            out.println(describe(verification));
            return verification.ok() ? 0 : 1;
        }
    }

    static String describe(Verification verification) {
        if (verification.ok()) {
            return "Audit chain OK: " + verification.checked() + " events verified, " + verification.pending()
                   + " waiting to be sealed.";
        }
        Verification.Break first = verification.firstBreak().orElseThrow();
        return "Audit chain BROKEN at position " + first.position() + " (event " + first.eventId() + "): "
               + first.reason() + ". " + verification.checked() + " events were verified before it.";
    }
}
