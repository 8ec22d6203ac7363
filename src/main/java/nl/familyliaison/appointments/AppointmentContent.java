package nl.familyliaison.appointments;

import java.util.List;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/**
 * What retention and removal may do with interviews without touching the tables: purge a case's proposals and
 * appointments, erase one person's answers and reasons.
 */
public final class AppointmentContent {

    private static final List<String> PURGE_ORDER = List.of(
            "purge-answers", "purge-appointment-changes", "purge-appointment-staff", "purge-appointment-members",
            "purge-appointments", "purge-slots", "purge-proposal-staff", "purge-proposal-members", "purge-proposals");

    private final DbClient db;
    private final Vault vault;

    public AppointmentContent(DbClient db, KeyRing keys) {
        this.db = db;
        this.vault = new Vault(keys);
    }

    /** Whether the proposal is one of this case and invites this member (a briefing meeting links to it). */
    public boolean invites(String caseId, String proposalId, String memberId) {
        return db.execute().createNamedGet("proposal-invites-member").addParam("caseId", caseId)
                .addParam("proposalId", proposalId).addParam("memberId", memberId).execute().isPresent();
    }

    /** How many interview proposals (with their appointments) a case has. */
    public long count(String caseId) {
        return db.execute().createNamedGet("purge-count-appointments").addParam("caseId", caseId).execute()
                .map(row -> Rows.number(row, "n")).orElse(0L);
    }

    /** Deletes every proposal, answer, appointment and change of the case; returns how many proposals there were. */
    public long purge(DbExecute tx, String caseId) {
        long proposals = count(caseId);
        for (String statement : PURGE_ORDER) {
            tx.createNamedDelete(statement).addParam("caseId", caseId).execute();
        }
        return proposals;
    }

    /** Deletes the person's answers and empties the reasons they gave (their requests keep their place). */
    public void eraseAccount(DbExecute tx, String accountId) {
        tx.createNamedDelete("erase-answers-of-account").addParam("accountId", accountId).execute();
        List<String> changes = tx.createNamedQuery("changes-of-actor").addParam("accountId", accountId).execute()
                .map(row -> Rows.text(row, "id")).toList();
        for (String id : changes) {
            KeyRing.Sealed empty = vault.seal("", Vault.change(id));
            tx.createNamedUpdate("change-reseal").addParam("id", id).addParam("keyId", empty.keyId())
                    .addParam("reason", empty.bytes()).execute();
        }
    }
}
