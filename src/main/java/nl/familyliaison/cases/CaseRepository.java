package nl.familyliaison.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbStatementQuery;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.platform.Rows;

/** Cases and the staff assigned to them. */
public final class CaseRepository {

    private final Supplier<DbExecute> db;

    public CaseRepository(DbClient db) {
        this(db::execute);
    }

    private CaseRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    public CaseRepository in(DbExecute tx) {
        return new CaseRepository(() -> tx);
    }

    public void insert(Investigation investigation, Instant now) {
        db.get().createNamedInsert("case-insert")
                .addParam("id", investigation.id())
                .addParam("reference", investigation.reference())
                .addParam("title", investigation.title())
                .addParam("incidentDate", investigation.incidentDate())
                .addParam("phase", investigation.phase())
                .addParam("cadence", investigation.updateCadenceDays())
                .addParam("nextUpdateBy", investigation.nextUpdateBy())
                .addParam("now", Rows.utc(now))
                .execute();
        promised(investigation.id(), investigation.nextUpdateBy(), now);
    }

    /** Keeps each next-update promise apart, so the figures can say which were kept on time. */
    private void promised(String caseId, LocalDate promisedBy, Instant now) {
        db.get().createNamedInsert("case-promise-insert")
                .addParam("caseId", caseId).addParam("promisedBy", promisedBy).addParam("now", Rows.utc(now))
                .execute();
    }

    public Optional<Investigation> byId(String id) {
        return db.get().createNamedGet("case-select").addParam("id", id).execute().map(CaseRepository::investigation);
    }

    public boolean referenceExists(String reference) {
        return db.get().createNamedGet("case-select-reference").addParam("reference", reference).execute()
                .isPresent();
    }

    public List<Investigation> ofMember(String accountId) {
        return list(db.get().createNamedQuery("case-select-for-member"), accountId);
    }

    /** The staff member's cases, with those of an absent family inspector they stand in for on {@code today}. */
    public List<Investigation> ofStaff(String accountId, LocalDate today) {
        return list(db.get().createNamedQuery("case-select-for-staff").addParam("today", today), accountId);
    }

    public List<Investigation> all() {
        return db.get().createNamedQuery("case-select-all").execute().map(CaseRepository::investigation).toList();
    }

    /**
     * The case and how {@code accountId} stands to it on {@code today} (a substitute's cover is for its dates only);
     * empty when there is no such case.
     */
    public Optional<CaseWithRole> withRoleOf(String caseId, String accountId, LocalDate today) {
        return db.get().createNamedGet("case-select-with-role").addParam("id", caseId)
                .addParam("accountId", accountId).addParam("today", today).execute()
                .map(row -> new CaseWithRole(investigation(row), role(row)));
    }

    /** A case and how one account stands to it. */
    public record CaseWithRole(Investigation investigation, CaseRole role) {
    }

    private static CaseRole role(DbRow row) {
        Optional<String> staffRole = Optional.ofNullable(Rows.text(row, "staff_role"));
        Optional<String> represents = Optional.ofNullable(Rows.text(row, "represents_member"));
        Optional<String> scope = Optional.ofNullable(Rows.text(row, "represent_scope"));
        return new CaseRole(Optional.ofNullable(Rows.text(row, "member_id")),
                            staffRole.filter("FAMILY_INSPECTOR"::equals).isPresent(),
                            staffRole.filter("INVESTIGATOR"::equals).isPresent(),
                            Optional.ofNullable(Rows.text(row, "substitute_for")),
                            represents.map(member -> new Authorization.Representing(
                                    member, scope.map(Authorization.RepresentationScope::valueOf)
                                    .orElse(Authorization.RepresentationScope.MESSAGES_AND_INTERVIEWS))));
    }

    /** The case's current memberships (not the ended ones). */
    public List<MemberOfCase> members(String caseId) {
        return db.get().createNamedQuery("case-members-active").addParam("caseId", caseId).execute()
                .map(row -> new MemberOfCase(Rows.text(row, "id"), Rows.text(row, "account_id")))
                .toList();
    }

    /**
     * The names entered for this case's members (current and former), by account: a person invited to two cases is
     * named in each as that case's family inspector entered them. Accounts without one here use their own name.
     */
    public java.util.Map<String, String> memberNames(String caseId) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        db.get().createNamedQuery("case-member-names").addParam("caseId", caseId).execute()
                .forEach(row -> names.put(Rows.text(row, "account_id"), Rows.text(row, "display_name")));
        return names;
    }

    /** Closes an open case; false when it was closed already. */
    public boolean close(String id, Instant now, Instant accessEndsAt) {
        return db.get().createNamedUpdate("case-close")
                .addParam("id", id).addParam("now", Rows.utc(now)).addParam("accessEndsAt", Rows.utc(accessEndsAt))
                .execute() == 1;
    }

    /** Closed cases whose aftercare ended before {@code before} and whose content is still there. */
    public List<Investigation> toPurge(Instant before) {
        return db.get().createNamedQuery("case-select-to-purge").addParam("before", Rows.utc(before)).execute()
                .map(CaseRepository::investigation).toList();
    }

    /** Purged cases whose aftercare ended before {@code before} (their audit events' personal fields go next). */
    public List<Investigation> purgedBefore(Instant before) {
        return db.get().createNamedQuery("case-select-purged-before").addParam("before", Rows.utc(before)).execute()
                .map(CaseRepository::investigation).toList();
    }

    public void markPurged(String id, Instant now) {
        db.get().createNamedUpdate("case-mark-purged").addParam("id", id).addParam("now", Rows.utc(now)).execute();
    }

    public void setPhase(String id, String phase, Instant now) {
        db.get().createNamedUpdate("case-update-phase")
                .addParam("id", id).addParam("phase", phase).addParam("now", Rows.utc(now)).execute();
    }

    public void setNextUpdate(String id, LocalDate nextUpdateBy, int cadenceDays, Instant now) {
        db.get().createNamedUpdate("case-update-next-update")
                .addParam("id", id).addParam("nextUpdateBy", nextUpdateBy).addParam("cadence", cadenceDays)
                .addParam("now", Rows.utc(now))
                .execute();
        promised(id, nextUpdateBy, now);
    }

    /** Replaces the case's staff. */
    public void assignStaff(String caseId, List<Assignment> assignments, Instant now) {
        db.get().createNamedDelete("case-staff-delete").addParam("caseId", caseId).execute();
        for (Assignment assignment : assignments) {
            db.get().createNamedInsert("case-staff-insert")
                    .addParam("caseId", caseId).addParam("accountId", assignment.accountId())
                    .addParam("role", assignment.role()).addParam("now", Rows.utc(now))
                    .execute();
        }
    }

    /**
     * The accounts in charge of the case as its family inspectors on {@code today}: each family inspector, or the
     * substitute standing in for them while they are away.
     */
    public List<String> inspectorsInCharge(String caseId, LocalDate today) {
        return db.get().createNamedQuery("case-inspectors-in-charge").addParam("caseId", caseId)
                .addParam("today", today).execute().map(row -> Rows.text(row, "account_id")).toList();
    }

    public List<StaffOfCase> staff(String caseId) {
        return db.get().createNamedQuery("case-staff-select").addParam("caseId", caseId).execute()
                .map(row -> new StaffOfCase(Rows.text(row, "account_id"), Rows.text(row, "role"),
                                            Rows.text(row, "display_name"), Rows.text(row, "email")))
                .toList();
    }

    private static List<Investigation> list(DbStatementQuery query, String accountId) {
        return query.addParam("accountId", accountId).execute()
                .map(CaseRepository::investigation).toList();
    }

    static Investigation investigation(DbRow row) {
        return new Investigation(Rows.text(row, "id"), Rows.text(row, "reference"), Rows.text(row, "title"),
                                 Rows.date(row, "incident_date"),
                                 Investigation.Status.valueOf(Rows.text(row, "status")),
                                 Rows.text(row, "phase_code"), (int) Rows.number(row, "update_cadence_days"),
                                 Rows.date(row, "next_update_by"), Rows.instant(row, "closed_at"),
                                 Rows.instant(row, "access_ends_at"));
    }

    /** A staff member to assign, with their role on the case (FAMILY_INSPECTOR or INVESTIGATOR). */
    public record Assignment(String accountId, String role) {
    }

    /** A current membership of a case: its id and the member's account. */
    public record MemberOfCase(String memberId, String accountId) {
    }

    /** A staff member of a case. */
    public record StaffOfCase(String accountId, String role, String displayName, String email) {
    }
}
