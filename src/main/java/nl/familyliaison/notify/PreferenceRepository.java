package nl.familyliaison.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.Rows;

/** Stored notification preferences. */
final class PreferenceRepository {

    private final DbClient db;

    PreferenceRepository(DbClient db) {
        this.db = db;
    }

    public Optional<Preferences> of(DbExecute execute, String accountId) {
        return execute.createNamedGet("preference-select").addParam("accountId", accountId).execute()
                .map(PreferenceRepository::preferences);
    }

    /** The stored preferences of those of {@code accountIds} who chose any, in one query. */
    Map<String, Preferences> of(DbExecute execute, Collection<String> accountIds) {
        if (accountIds.size() <= 1) {
            return accountIds.stream().findFirst()
                    .flatMap(id -> of(execute, id).map(found -> Map.of(id, found)))
                    .orElse(Map.of());
        }
        Map<String, Preferences> found = new HashMap<>();
        execute.createNamedQuery("preference-select-of-accounts").addParam("accountIds", new String(Json.write(accountIds), StandardCharsets.UTF_8))
                .execute()
                .forEach(row -> found.put(Rows.text(row, "account_id"), preferences(row)));
        return found;
    }

    private static Preferences preferences(DbRow row) {
        return new Preferences(Rows.flag(row, "mail_enabled"),
                               Preferences.DetailLevel.valueOf(Rows.text(row, "detail_level")),
                               LocalTime.parse(Rows.text(row, "quiet_start")),
                               LocalTime.parse(Rows.text(row, "quiet_end")));
    }

    public Optional<Preferences> of(String accountId) {
        return of(db.execute(), accountId);
    }

    public void save(String accountId, Preferences preferences, Instant now) {
        db.execute().createNamedInsert("preference-upsert")
                .addParam("accountId", accountId)
                .addParam("mailEnabled", preferences.mailEnabled())
                .addParam("detailLevel", preferences.detailLevel().name())
                .addParam("quietStart", preferences.quietStart().toString())
                .addParam("quietEnd", preferences.quietEnd().toString())
                .addParam("now", Rows.utc(now))
                .execute();
    }

    /** Deletes the account's preferences inside the caller's transaction. */
    void deleteOf(DbExecute tx, String accountId) {
        tx.createNamedDelete("preference-delete-of-account").addParam("accountId", accountId).execute();
    }
}
