package nl.familyliaison.briefings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatementDml;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** Briefings, their chosen members and remarks. Texts arrive and leave sealed; {@link Briefings} opens them. */
final class BriefingRepository {

    private final Supplier<DbExecute> db;

    BriefingRepository(DbClient db) {
        this(db::execute);
    }

    private BriefingRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    BriefingRepository in(DbExecute tx) {
        return new BriefingRepository(() -> tx);
    }

    /** A briefing row as stored, its note still sealed. */
    record Row(String id, String caseId, String sharedBy, String attachmentId, LocalDate publicationDate,
               Instant remarksUntil, KeyRing.Sealed note, String publicUrl, Instant publishedAt, Instant createdAt) {
    }

    /** A remark as stored, its text still sealed. */
    record SealedRemark(String id, String briefingId, String memberId, KeyRing.Sealed text, Instant postedAt) {
    }

    void insert(Row briefing, List<String> memberIds) {
        db.get().createNamedInsert("briefing-insert")
                .addParam("id", briefing.id()).addParam("caseId", briefing.caseId())
                .addParam("sharedBy", briefing.sharedBy()).addParam("attachmentId", briefing.attachmentId())
                .addParam("publicationDate", briefing.publicationDate())
                .addParam("remarksUntil", Rows.utc(briefing.remarksUntil()))
                .addParam("noteKeyId", briefing.note().keyId()).addParam("note", briefing.note().bytes())
                .addParam("now", Rows.utc(briefing.createdAt()))
                .execute();
        for (String memberId : memberIds) {
            db.get().createNamedInsert("briefing-member-insert")
                    .addParam("briefingId", briefing.id()).addParam("memberId", memberId).execute();
        }
    }

    List<Row> ofCase(String caseId) {
        return db.get().createNamedQuery("briefings-of-case").addParam("caseId", caseId).execute()
                .map(BriefingRepository::row).toList();
    }

    Map<String, List<Briefing.Recipient>> recipientsOfCase(String caseId) {
        Map<String, List<Briefing.Recipient>> byBriefing = new HashMap<>();
        db.get().createNamedQuery("briefing-members-of-case").addParam("caseId", caseId).execute()
                .forEach(row -> byBriefing.computeIfAbsent(Rows.text(row, "briefing_id"), id -> new ArrayList<>())
                        .add(new Briefing.Recipient(Rows.text(row, "member_id"), Rows.instant(row, "opened_at"),
                                                    Rows.instant(row, "meeting_requested_at"),
                                                    Rows.text(row, "meeting_proposal_id"))));
        return byBriefing;
    }

    List<SealedRemark> remarksOfCase(String caseId) {
        return db.get().createNamedQuery("briefing-remarks-of-case").addParam("caseId", caseId).execute()
                .map(row -> new SealedRemark(Rows.text(row, "id"), Rows.text(row, "briefing_id"),
                                             Rows.text(row, "member_id"),
                                             new KeyRing.Sealed(Rows.text(row, "text_key_id"),
                                                                Rows.bytes(row, "text")),
                                             Rows.instant(row, "posted_at")))
                .toList();
    }

    boolean markOpened(String briefingId, String memberId, Instant now) {
        return memberUpdate(db.get().createNamedUpdate("briefing-mark-opened"), briefingId, memberId)
                       .addParam("now", Rows.utc(now)).execute() == 1;
    }

    boolean requestMeeting(String briefingId, String memberId, Instant now) {
        return memberUpdate(db.get().createNamedUpdate("briefing-request-meeting"), briefingId, memberId)
                       .addParam("now", Rows.utc(now)).execute() == 1;
    }

    boolean linkMeeting(String briefingId, String memberId, String proposalId) {
        return memberUpdate(db.get().createNamedUpdate("briefing-link-meeting"), briefingId, memberId)
                       .addParam("proposalId", proposalId).execute() == 1;
    }

    void insertRemark(SealedRemark remark) {
        db.get().createNamedInsert("briefing-remark-insert")
                .addParam("id", remark.id()).addParam("briefingId", remark.briefingId())
                .addParam("memberId", remark.memberId()).addParam("textKeyId", remark.text().keyId())
                .addParam("text", remark.text().bytes()).addParam("now", Rows.utc(remark.postedAt()))
                .execute();
    }

    boolean publish(String id, String publicUrl, Instant now) {
        return db.get().createNamedUpdate("briefing-publish")
                .addParam("id", id).addParam("publicUrl", publicUrl).addParam("now", Rows.utc(now))
                .execute() == 1;
    }

    /** How many briefings the case has. */
    long countOfCase(String caseId) {
        return db.get().createNamedGet("briefing-count-of-case").addParam("caseId", caseId).execute()
                .map(row -> Rows.number(row, "n")).orElse(0L);
    }

    /** Deletes the case's briefings with their members and remarks (retention); returns how many there were. */
    long purgeCase(String caseId) {
        long count = countOfCase(caseId);
        db.get().createNamedDelete("briefing-purge-remarks").addParam("caseId", caseId).execute();
        db.get().createNamedDelete("briefing-purge-members").addParam("caseId", caseId).execute();
        db.get().createNamedDelete("briefing-purge").addParam("caseId", caseId).execute();
        return count;
    }

    /** Deletes every remark the account wrote in any case (its removal). */
    void eraseRemarksOf(String accountId) {
        db.get().createNamedDelete("briefing-remarks-delete-of-account").addParam("accountId", accountId).execute();
    }

    private static DbStatementDml memberUpdate(DbStatementDml update, String briefingId, String memberId) {
        return update.addParam("briefingId", briefingId).addParam("memberId", memberId);
    }

    private static Row row(DbRow row) {
        return new Row(Rows.text(row, "id"), Rows.text(row, "investigation_id"), Rows.text(row, "shared_by"),
                       Rows.text(row, "attachment_id"), Rows.date(row, "publication_date"),
                       Rows.instant(row, "remarks_until"),
                       new KeyRing.Sealed(Rows.text(row, "note_key_id"), Rows.bytes(row, "note")),
                       Rows.text(row, "public_url"), Rows.instant(row, "published_at"),
                       Rows.instant(row, "created_at"));
    }
}
