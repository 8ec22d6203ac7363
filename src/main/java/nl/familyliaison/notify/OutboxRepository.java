package nl.familyliaison.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.StoredAddresses;
import nl.familyliaison.platform.Json;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Rows;

/** The outbox table. */
public final class OutboxRepository {

    /** How outbox-insert-batch reads a moment: UTC, to the microsecond, as DATETIME(6) stores it. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final DbClient db;

    OutboxRepository(DbClient db) {
        this.db = db;
    }

    /** A mail ready to be stored: its row's id, its values sealed to that id, and when it may go. */
    record NewRow(String id, Mail mail, KeyRing.Sealed values, Instant dueAt) {
    }

    /** Adds a mail inside the caller's transaction; a second mail for the same event and recipient is ignored. */
    void insert(DbExecute tx, NewRow row, Instant now) {
        Mail mail = row.mail();
        tx.createNamedInsert("outbox-insert")
                .addParam("id", row.id())
                .addParam("eventKey", mail.eventKey())
                .addParam("recipientId", mail.recipientId())
                .addParam("recipientEmail", mail.recipientEmail())
                .addParam("template", mail.template().folder())
                .addParam("language", mail.language().code())
                .addParam("valuesKeyId", row.values().keyId())
                .addParam("templateValues", row.values().bytes())
                .addParam("priority", mail.priority().rank())
                .addParam("now", Rows.utc(now))
                .addParam("dueAt", Rows.utc(row.dueAt()))
                .execute();
    }

    /**
     * Adds mails in one statement inside the caller's transaction; as with {@link #insert}, a mail for an event and
     * recipient already queued is ignored.
     */
    void insertAll(DbExecute tx, List<NewRow> rows, Instant now) {
        List<Map<String, Object>> values = rows.stream().map(row -> batchRow(row, now)).toList();
        tx.namedInsert("outbox-insert-batch", new String(Json.write(values), StandardCharsets.UTF_8));
    }

    /**
     * One row as outbox-insert-batch reads it. The statement ignores a duplicate, and with it a value too wide for
     * its column (a warning, not an error), so a value that would be cut is refused here instead.
     */
    private static Map<String, Object> batchRow(NewRow row, Instant now) {
        Mail mail = row.mail();
        Map<String, Object> values = new HashMap<>();
        values.put("id", row.id());
        values.put("event_key", fitting(mail.eventKey(), 150));
        values.put("recipient_id", mail.recipientId());
        values.put("recipient_email", fitting(mail.recipientEmail(), 254));
        values.put("template", fitting(mail.template().folder(), 64));
        values.put("language", mail.language().code());
        values.put("values_key_id", fitting(row.values().keyId(), 32));
        values.put("template_values", HexFormat.of().formatHex(row.values().bytes()));
        values.put("priority", mail.priority().rank());
        values.put("created_at", TIME.format(now));
        values.put("due_at", TIME.format(row.dueAt()));
        // An absent key reads as NULL in the statement's JSON_TABLE.
        values.values().removeIf(Objects::isNull);
        return values;
    }

    private static String fitting(String value, int width) {
        if (value != null && value.length() > width) {
            throw new IllegalArgumentException("A mail's value is longer than its column (" + width + "): " + value);
        }
        return value;
    }

    /** Deletes every mail to the account or its address, sent or not, inside the caller's transaction. */
    void deleteTo(DbExecute tx, String accountId, String email) {
        tx.createNamedDelete("outbox-delete-of-recipient").addParam("accountId", accountId).addParam("email", email)
                .execute();
    }

    /** Sends the account's queued mail to its corrected address, inside the caller's transaction. */
    void readdressPending(DbExecute tx, String accountId, String email) {
        tx.createNamedUpdate("outbox-readdress-pending").addParam("accountId", accountId).addParam("email", email)
                .execute();
    }

    /** A failed mail that has not been sent again yet: what a copy needs. */
    record FailedOf(String id, String template, Language language) {
    }

    List<FailedOf> failedNotResent(DbExecute tx, String accountId) {
        return tx.createNamedQuery("outbox-select-failed-of-recipient").addParam("accountId", accountId).execute()
                .map(row -> new FailedOf(Rows.text(row, "id"), Rows.text(row, "template"),
                                         new Language(Rows.text(row, "language"))))
                .toList();
    }

    void markResent(DbExecute tx, String id, String copyId) {
        tx.createNamedUpdate("outbox-mark-resent").addParam("id", id).addParam("copy", copyId).execute();
    }

    /** Deletes the pending mails whose event key starts with the prefix (its LIKE wildcards escaped). */
    public long withdraw(DbExecute tx, String eventKeyPrefix) {
        String pattern = eventKeyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return tx.createNamedDelete("outbox-withdraw").addParam("pattern", pattern).execute();
    }

    /**
     * Claims up to {@code batch} due rows that no lease holds for {@code claim} (a token no other claim uses) in one
     * committed statement; answers how many it took.
     */
    long claim(String claim, Instant now, Instant leaseUntil, int batch) {
        return db.execute().createNamedUpdate("outbox-claim")
                .addParam("claim", claim).addParam("leaseUntil", Rows.utc(leaseUntil)).addParam("now", Rows.utc(now))
                .addParam("batch", batch)
                .execute();
    }

    /** The rows a claim holds and that are still to be sent. */
    List<Leased> claimed(String claim) {
        return db.execute().createNamedQuery("outbox-select-claimed").addParam("claim", claim).execute()
                .map(row -> new Leased(Rows.text(row, "id"), Rows.text(row, "event_key"),
                                       Rows.text(row, "recipient_id"), Rows.text(row, "recipient_email"),
                                       Rows.text(row, "template"),
                                       new Language(Rows.text(row, "language")),
                                       Rows.text(row, "values_key_id") == null ? null
                                               : new KeyRing.Sealed(Rows.text(row, "values_key_id"),
                                                                    Rows.bytes(row, "template_values")),
                                       (int) Rows.number(row, "attempts"), Rows.instant(row, "created_at")))
                .toList();
    }

    /** Marks the claim's rows {@code ids} sent, in one statement; answers how many it marked. */
    long markSent(String claim, List<String> ids, Instant now) {
        return db.execute().createNamedUpdate("outbox-mark-sent")
                .addParam("claim", claim).addParam("ids", String.join(",", ids)).addParam("now", Rows.utc(now))
                .execute();
    }

    public void retryLater(String id, String worker, Instant dueAt, String error) {
        db.execute().createNamedUpdate("outbox-retry-later")
                .addParam("id", id).addParam("worker", worker).addParam("dueAt", Rows.utc(dueAt))
                .addParam("error", error)
                .execute();
    }

    public void markFailed(String id, String worker, String error, FailureReason reason, Instant now) {
        db.execute().createNamedUpdate("outbox-mark-failed")
                .addParam("id", id).addParam("worker", worker).addParam("error", error)
                .addParam("reason", reason.name()).addParam("now", Rows.utc(now))
                .execute();
    }

    /** The latest mails that failed for good (at most {@code limit}), newest first, with the recipient's role. */
    List<FailedMail.Row> failedForGood(int limit) {
        return db.execute().createNamedQuery("outbox-select-failed-for-good").addParam("limit", limit).execute()
                .map(row -> new FailedMail.Row(Rows.text(row, "id"), Rows.text(row, "recipient_role"),
                                               Rows.text(row, "recipient_email"), Rows.text(row, "template"),
                                               (int) Rows.number(row, "attempts"), Rows.instant(row, "created_at"),
                                               Rows.instant(row, "failed_at"), Rows.text(row, "failure_reason")))
                .toList();
    }

    /** Deletes (a batch of at most 1000) rows of mails sent before {@code before}, address and all; how many went. */
    long deleteSentBefore(Instant before) {
        return db.execute().createNamedDelete("outbox-delete-sent").addParam("before", Rows.utc(before)).execute();
    }

    /** Mails that failed for good, to these accounts, newest first. */
    public List<Failed> failedFor(java.util.Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return db.execute().createNamedQuery("outbox-select-failed-for")
                // Ids hold no commas, so one comma-separated parameter stands for the whole set.
                .addParam("accountIds", String.join(",", accountIds))
                .execute()
                .map(row -> new Failed(Rows.text(row, "id"), Rows.text(row, "recipient_id"), Rows.text(row, "template"),
                                       Rows.instant(row, "created_at")))
                .toList();
    }

    /** The recipients' addresses as {@link StoredAddresses} reads and rewrites them. */
    StoredAddresses.Column recipientAddresses() {
        return new StoredAddresses.Column(this::nonAsciiAddressesAfter, this::rewriteAddress, this::holdsAddress);
    }

    private List<StoredAddresses.Stored> nonAsciiAddressesAfter(String afterId, int batch) {
        return db.execute().createNamedQuery("outbox-select-non-ascii-recipient").addParam("after", afterId)
                .addParam("batch", batch).execute()
                .map(row -> new StoredAddresses.Stored(Rows.text(row, "id"), Rows.text(row, "recipient_email")))
                .toList();
    }

    private boolean rewriteAddress(StoredAddresses.Stored row, String canonical) {
        return db.execute().createNamedUpdate("outbox-rewrite-recipient").addParam("id", row.id())
                .addParam("stored", row.address()).addParam("canonical", canonical).execute() == 1;
    }

    private boolean holdsAddress(StoredAddresses.Stored row) {
        return db.execute().createNamedGet("outbox-holds-recipient").addParam("id", row.id())
                .addParam("stored", row.address()).execute()
                .map(found -> Rows.number(found, "n") > 0).orElse(false);
    }

    /** How many mails wait, and since when the oldest. */
    public Figures figures() {
        return db.execute().createNamedGet("outbox-figures").execute()
                .map(row -> new Figures(Rows.number(row, "pending"), Rows.instant(row, "oldest")))
                .orElse(new Figures(0, null));
    }

    /** The outbox's size and age. */
    public record Figures(long pending, Instant oldest) {
    }

    /** A mail that could not be delivered. */
    public record Failed(String id, String recipientId, String template, Instant createdAt) {
    }

    /** A row this worker holds the lease on. */
    public record Leased(String id, String eventKey, String recipientId, String recipientEmail, String template,
                         Language language, KeyRing.Sealed values, int attempts, Instant createdAt) {
    }
}
