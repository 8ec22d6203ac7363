package nl.familyliaison.appointments;

import java.util.List;
import java.util.function.Supplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbStatementDml;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Rows;

/** The statements behind {@link AppointmentContent}: what retention, removal and briefings may do with interviews. */
final class AppointmentContentRepository {

    private final Supplier<DbExecute> db;

    AppointmentContentRepository(DbClient db) {
        this(db::execute);
    }

    private AppointmentContentRepository(Supplier<DbExecute> db) {
        this.db = db;
    }

    /** The same repository working inside {@code tx}. */
    AppointmentContentRepository in(DbExecute tx) {
        return new AppointmentContentRepository(() -> tx);
    }

    boolean invites(String caseId, String proposalId, String memberId) {
        return db.get().createNamedGet("proposal-invites-member").addParam("caseId", caseId)
                .addParam("proposalId", proposalId).addParam("memberId", memberId).execute().isPresent();
    }

    long count(String caseId) {
        return db.get().createNamedGet("purge-count-appointments").addParam("caseId", caseId).execute()
                .map(row -> Rows.number(row, "n")).orElse(0L);
    }

    /** Deletes the case's answers, appointments with their history and people, slots and proposals, children first. */
    void purge(String caseId) {
        ofCase(db.get().createNamedDelete("purge-answers"), caseId);
        ofCase(db.get().createNamedDelete("purge-appointment-changes"), caseId);
        ofCase(db.get().createNamedDelete("purge-appointment-staff"), caseId);
        ofCase(db.get().createNamedDelete("purge-appointment-members"), caseId);
        ofCase(db.get().createNamedDelete("purge-appointments"), caseId);
        ofCase(db.get().createNamedDelete("purge-slots"), caseId);
        ofCase(db.get().createNamedDelete("purge-proposal-staff"), caseId);
        ofCase(db.get().createNamedDelete("purge-needs"), caseId);
        ofCase(db.get().createNamedDelete("purge-proposal-members"), caseId);
        ofCase(db.get().createNamedDelete("purge-proposals"), caseId);
    }

    void deleteAnswersOf(String accountId) {
        db.get().createNamedDelete("erase-answers-of-account").addParam("accountId", accountId).execute();
        db.get().createNamedDelete("erase-needs-of-account").addParam("accountId", accountId).execute();
    }

    /** The ids of the history lines the account is the actor of. */
    List<String> changesBy(String accountId) {
        return db.get().createNamedQuery("changes-of-actor").addParam("accountId", accountId).execute()
                .map(row -> Rows.text(row, "id")).toList();
    }

    void resealReason(String changeId, KeyRing.Sealed reason) {
        db.get().createNamedUpdate("change-reseal").addParam("id", changeId).addParam("keyId", reason.keyId())
                .addParam("reason", reason.bytes()).execute();
    }

    private static void ofCase(DbStatementDml delete, String caseId) {
        delete.addParam("caseId", caseId).execute();
    }
}
