package nl.familyliaison.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date from the SQL files in the top-level {@code migrations/} folder, the only place
 * the schema is written down. Runs at every start; Flyway's history table makes each file run once.
 */
public final class Migrations {

    private static final Pattern SCRIPT = Pattern.compile("(V[0-9_.]+__[\\w.-]+\\.sql)");

    private Migrations() {
    }

    /**
     * Applies every pending migration.
     *
     * @return how many files were applied this time
     * @throws MigrationFailedException naming the file when one fails
     */
    public static int apply(DataSource dataSource, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new MigrationFailedException("The migrations folder " + folder.toAbsolutePath()
                                               + " does not exist; start the service from the project folder"
                                               + " or set db.migrations", null);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + folder.toAbsolutePath())
                .validateMigrationNaming(true)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new MigrationFailedException(describe(e, folder), e);
        }
    }

    private static String describe(FlywayException e, Path folder) {
        String message = String.valueOf(e.getMessage());
        Matcher script = SCRIPT.matcher(message);
        String where = script.find() ? folder.resolve(script.group(1)).toString() : folder.toString();
        String firstLine = message.lines().filter(line -> !line.isBlank()).findFirst().orElse(message);
        return "Database migration failed in " + where + ": " + firstLine;
    }

    /** Start-up cannot go on: the schema is not what the code expects. */
    public static final class MigrationFailedException extends RuntimeException {
        MigrationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
