package nl.familyliaison.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** Timeline updates (their texts sealed), who they are for, and who read them. */
public final class UpdateRepository {

    /** How the query writes a read mark's time (DATE_FORMAT's %Y-%m-%d %H:%i:%s.%f). */
    private static final DateTimeFormatter READ_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Supplier<DbExecute> db;
    private final SealedText texts;

    public UpdateRepository(DbClient db, KeyRing keys) {
        this(db::execute, new SealedText(keys, "investigation_update.body"));
    }

    private UpdateRepository(Supplier<DbExecute> db, SealedText texts) {
        this.db = db;
        this.texts = texts;
    }

    public UpdateRepository in(DbExecute tx) {
        return new UpdateRepository(() -> tx, texts);
    }

    public void insert(String id, String caseId, String phase, String authorId, String body, Set<String> memberIds,
                       boolean forAll, String corrects, Instant now) {
        insert(id, caseId, phase, authorId, body, memberIds, forAll, corrects, now, null);
    }

    /** An update as above that shares a withdrawn one again ({@code resharedFrom}). */
    void insert(String id, String caseId, String phase, String authorId, String body, Set<String> memberIds,
                boolean forAll, String corrects, Instant now, String resharedFrom) {
        KeyRing.Sealed sealed = texts.seal(id, body);
        db.get().createNamedInsert("update-insert")
                .addParam("id", id).addParam("caseId", caseId).addParam("phase", phase).addParam("authorId", authorId)
                .addParam("bodyKeyId", sealed.keyId()).addParam("body", sealed.bytes()).addParam("forAll", forAll)
                .addParam("corrects", corrects).addParam("now", Rows.utc(now)).addParam("resharedFrom", resharedFrom)
                .execute();
        for (String memberId : memberIds) {
            db.get().createNamedInsert("update-member-insert").addParam("updateId", id).addParam("memberId", memberId)
                    .execute();
        }
    }

    /** Updates that current members of the staff member's cases have not read, one row per member and update. */
    public List<Unread> unreadOnCasesOf(String staffAccountId) {
        return db.get().createNamedQuery("update-unread-on-cases-of-staff").addParam("staffId", staffAccountId)
                .execute()
                .map(row -> new Unread(Rows.text(row, "case_id"), Rows.text(row, "member_id"),
                                       Rows.text(row, "display_name"), Rows.text(row, "update_id"),
                                       Rows.instant(row, "posted_at")))
                .toList();
    }

    /** An update one member has not read. */
    public record Unread(String caseId, String memberId, String memberName, String updateId, Instant postedAt) {
    }

    /** Every update of a case with its chosen members and read marks (by membership), oldest first: one query. */
    public List<Update> ofCase(String caseId) {
        return db.get().createNamedQuery("update-select-by-case").addParam("caseId", caseId).execute()
                .map(row -> {
                    String id = Rows.text(row, "id");
                    return new Update(id, Rows.text(row, "phase_code"), Rows.text(row, "author_id"),
                                      Rows.text(row, "author_name"),
                                      texts.open(id, new KeyRing.Sealed(Rows.text(row, "body_key_id"),
                                                                        Rows.bytes(row, "body"))),
                                      Rows.flag(row, "for_all_members"), Rows.text(row, "corrects"),
                                      Rows.instant(row, "posted_at"), memberIds(Rows.text(row, "member_ids")),
                                      readMarks(Rows.text(row, "read_marks")), withdrawal(row),
                                      Rows.text(row, "reshared_from"));
                })
                .toList();
    }

    /** The chosen members as the query lists them: ids separated by commas, or null for none. */
    private static Set<String> memberIds(String listed) {
        return listed == null ? Set.of() : Set.copyOf(List.of(listed.split(",")));
    }

    /** The read marks as the query lists them: {@code memberId=UTC time} separated by commas, or null for none. */
    private static Map<String, Instant> readMarks(String listed) {
        if (listed == null) {
            return Map.of();
        }
        Map<String, Instant> marks = new HashMap<>();
        for (String mark : listed.split(",")) {
            int equals = mark.indexOf('=');
            marks.put(mark.substring(0, equals),
                      LocalDateTime.parse(mark.substring(equals + 1), READ_AT).toInstant(ZoneOffset.UTC));
        }
        return Map.copyOf(marks);
    }

    private static Update.Withdrawal withdrawal(io.helidon.dbclient.DbRow row) {
        Instant at = Rows.instant(row, "withdrawn_at");
        return at == null ? null : new Update.Withdrawal(at, Rows.text(row, "withdrawn_by_name"));
    }

    /** Withdraws an update and its corrections; false when it was withdrawn already. */
    boolean withdraw(String caseId, String updateId, String byAccountId, Instant now) {
        return db.get().createNamedUpdate("update-withdraw").addParam("caseId", caseId).addParam("id", updateId)
                       .addParam("by", byAccountId).addParam("now", Rows.utc(now)).execute() > 0;
    }

    public long countOfCase(String caseId) {
        return db.get().createNamedGet("purge-count-updates").addParam("caseId", caseId).execute()
                .map(row -> Rows.number(row, "n")).orElse(0L);
    }

    /** Deletes the case's timeline (retention); returns how many updates and corrections there were. */
    public long purgeCase(String caseId) {
        long count = countOfCase(caseId);
        db.get().createNamedDelete("purge-update-reads").addParam("caseId", caseId).execute();
        db.get().createNamedDelete("purge-update-members").addParam("caseId", caseId).execute();
        db.get().createNamedDelete("purge-update-corrections").addParam("caseId", caseId).execute();
        db.get().createNamedDelete("purge-updates").addParam("caseId", caseId).execute();
        return count;
    }

    public void markRead(String updateId, String accountId, Instant now) {
        db.get().createNamedInsert("update-mark-read")
                .addParam("updateId", updateId).addParam("accountId", accountId).addParam("now", Rows.utc(now))
                .execute();
    }

    /** A text stored before texts were sealed. */
    record Plain(String id, String text) {
    }

    /** Up to {@code batch} rows still in plain text, locked (rows another start is sealing are skipped). */
    List<Plain> plaintextBatch(int batch) {
        return db.get().createNamedQuery("update-select-plaintext").addParam("batch", batch).execute()
                .map(row -> new Plain(Rows.text(row, "id"), Rows.text(row, "body_plain"))).toList();
    }

    /** Seals one such row in place and empties its plain text; false when it was sealed meanwhile. */
    boolean sealPlaintext(Plain plain) {
        KeyRing.Sealed sealed = texts.seal(plain.id(), plain.text());
        return db.get().createNamedUpdate("update-seal-plaintext").addParam("id", plain.id())
                .addParam("bodyKeyId", sealed.keyId()).addParam("body", sealed.bytes()).execute() == 1;
    }
}
