package nl.familyliaison.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.platform.Language;
import nl.familyliaison.platform.Rows;

/** Memberships of cases. */
public final class MemberRepository {

    private final Supplier<DbExecute> db;

    public MemberRepository(DbClient db) {
        this(db::execute);
    }

    private MemberRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    public MemberRepository in(DbExecute tx) {
        return new MemberRepository(() -> tx);
    }

    /** A membership; {@code displayName} is the name the inviter entered (for this case only). */
    public void insert(String id, String caseId, String accountId, Relation relation, Represents represents,
                       String invitedBy, String displayName, Instant now) {
        db.get().createNamedInsert("member-insert")
                .addParam("id", id).addParam("caseId", caseId).addParam("accountId", accountId)
                .addParam("relation", relation.name()).addParam("representsMember", represents.memberId())
                .addParam("scope", represents.scopeName())
                .addParam("invitedBy", invitedBy).addParam("displayName", displayName).addParam("now", Rows.utc(now))
                .execute();
    }

    /** An earlier membership of this account in this case (active or ended). */
    public Optional<String> anyOf(String caseId, String accountId) {
        return db.get().createNamedGet("member-select-any-of-account")
                .addParam("caseId", caseId).addParam("accountId", accountId).execute()
                .map(row -> Rows.text(row, "id"));
    }

    public void reopen(String id, Relation relation, Represents represents, String invitedBy, String displayName,
                       Instant now) {
        db.get().createNamedUpdate("member-reopen")
                .addParam("id", id).addParam("relation", relation.name())
                .addParam("representsMember", represents.memberId()).addParam("scope", represents.scopeName())
                .addParam("invitedBy", invitedBy).addParam("displayName", displayName).addParam("now", Rows.utc(now))
                .execute();
    }

    /** Whom a representative represents, and in which scope; both null for a member who represents nobody. */
    public record Represents(String memberId, Authorization.RepresentationScope scope) {
        public static final Represents NOBODY = new Represents(null, null);

        String scopeName() {
            return scope == null ? null : scope.name();
        }
    }

    /** Changes whom an active representative's membership represents, and how; false when it is not one. */
    public boolean setRepresentation(String caseId, String memberId, Represents represents) {
        return db.get().createNamedUpdate("member-update-representation")
                       .addParam("id", memberId).addParam("caseId", caseId)
                       .addParam("representsMember", represents.memberId()).addParam("scope", represents.scopeName())
                       .execute() == 1;
    }

    public List<Member> ofCase(String caseId) {
        return db.get().createNamedQuery("member-select-by-case").addParam("caseId", caseId).execute()
                .map(MemberRepository::member)
                .toList();
    }

    /** The current members of every case the staff member is on, with the case each belongs to. */
    public List<OfCase> activeOnCasesOf(String staffAccountId) {
        return db.get().createNamedQuery("member-select-active-on-cases-of-staff").addParam("staffId", staffAccountId)
                .execute()
                .map(row -> new OfCase(Rows.text(row, "case_id"), member(row)))
                .toList();
    }

    /** A member and the case of that membership. */
    public record OfCase(String caseId, Member member) {
    }

    private static Member member(io.helidon.dbclient.DbRow row) {
        return new Member(Rows.text(row, "id"), Rows.text(row, "account_id"),
                          Rows.text(row, "display_name"), Rows.text(row, "email"),
                          Relation.valueOf(Rows.text(row, "relation")),
                          Rows.text(row, "represents_member"), Rows.instant(row, "invited_at"),
                          Rows.instant(row, "ended_at"), Rows.flag(row, "signed_in"),
                          new Language(Rows.text(row, "language")),
                          Optional.ofNullable(Rows.text(row, "represent_scope"))
                                  .map(Authorization.RepresentationScope::valueOf).orElse(null));
    }

    public boolean end(String caseId, String memberId, Instant now) {
        return db.get().createNamedUpdate("member-end")
                       .addParam("id", memberId).addParam("caseId", caseId).addParam("now", Rows.utc(now))
                       .execute() == 1;
    }

    /** The name and relation entered for a current membership. */
    void updateDetails(String caseId, String memberId, String displayName, Relation relation, String represents) {
        db.get().createNamedUpdate("member-update-details")
                .addParam("id", memberId).addParam("caseId", caseId).addParam("displayName", displayName)
                .addParam("relation", relation.name()).addParam("representsMember", represents)
                .execute();
    }

    public boolean isActiveIn(String caseId, String memberId) {
        return db.get().createNamedGet("member-active-in-case").addParam("id", memberId).addParam("caseId", caseId)
                .execute().isPresent();
    }

    /**
     * How many current memberships {@code accountId} has in cases other than {@code caseId} that {@code actorId}
     * neither leads as family inspector nor stands in for on {@code today}.
     */
    long activeElsewhereNotLedBy(String accountId, String caseId, String actorId, java.time.LocalDate today) {
        return db.get().createNamedGet("member-count-active-elsewhere-not-led-by").addParam("accountId", accountId)
                .addParam("caseId", caseId).addParam("actorId", actorId).addParam("today", today).execute()
                .map(row -> row.column("n").getLong()).orElse(0L);
    }

    /** Ends every membership of the account and forgets the names entered for it (its removal). */
    public void endAllOf(String accountId, Instant now) {
        db.get().createNamedUpdate("member-end-all-of-account")
                .addParam("accountId", accountId).addParam("now", Rows.utc(now)).execute();
    }
}
