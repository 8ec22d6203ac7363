package nl.familyliaison.appointments;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import nl.familyliaison.platform.KeyRing;

/**
 * What retention and removal may do with interviews without touching the tables: purge a case's proposals and
 * appointments, erase one person's answers and reasons.
 */
public final class AppointmentContent {

    private final AppointmentContentRepository content;
    private final Vault vault;

    AppointmentContent(DbClient db, KeyRing keys) {
        this.content = new AppointmentContentRepository(db);
        this.vault = new Vault(keys);
    }

    /** Whether the proposal is one of this case and invites this member (a briefing meeting links to it). */
    public boolean invites(String caseId, String proposalId, String memberId) {
        return content.invites(caseId, proposalId, memberId);
    }

    /** How many interview proposals (with their appointments) a case has. */
    public long count(String caseId) {
        return content.count(caseId);
    }

    /** Deletes every proposal, answer, appointment and change of the case. */
    public void purge(DbExecute tx, String caseId) {
        content.in(tx).purge(caseId);
    }

    /** Deletes the person's answers and empties the reasons they gave (their requests keep their place). */
    public void eraseAccount(DbExecute tx, String accountId) {
        AppointmentContentRepository inTx = content.in(tx);
        inTx.deleteAnswersOf(accountId);
        inTx.changesBy(accountId).forEach(id -> inTx.resealReason(id, vault.seal("", Vault.change(id))));
    }
}
