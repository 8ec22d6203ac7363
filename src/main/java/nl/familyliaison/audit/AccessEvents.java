package nl.familyliaison.audit;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Account;
import nl.familyliaison.platform.Caller;

/** What the access feature (and the features without a case) tell the audit trail, as events of the audit log. */
final class AccessEvents implements AccessAudit {

    private final AuditLog log;

    AccessEvents(AuditLog log) {
        this.log = log;
    }

    @Override
    public void record(Caller caller, Account actor, String action, String objectType, String objectId,
                       Result result) {
        log.append(event(caller, actor, action, objectType, objectId, result));
    }

    @Override
    public Written written(Caller caller, Account actor, String action, String objectType) {
        return (DbExecute tx, String objectId) -> log.append(
                tx, event(caller, actor, action, objectType, objectId, Result.SUCCEEDED));
    }

    private AuditEvent event(Caller caller, Account actor, String action, String objectType,
                             String objectId, Result result) {
        return log.event(action, switch (result) {
                    case SUCCEEDED -> Outcome.SUCCEEDED;
                    case FAILED -> Outcome.FAILED;
                    case DENIED -> Outcome.DENIED;
                })
                .actor(actor == null ? null : actor.id(), actor == null ? null : actor.role().name())
                .object(objectType, objectId)
                .request(caller.requestId(), caller.address())
                .build();
    }
}
