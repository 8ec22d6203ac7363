package nl.familyliaison.audit;

import io.helidon.dbclient.DbExecute;
import io.helidon.webserver.http.ServerRequest;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Account;
import nl.familyliaison.platform.ClientAddress;
import nl.familyliaison.platform.RequestId;

/** What the access feature (and the features without a case) tell the audit trail, as events of the audit log. */
final class AccessEvents implements AccessAudit {

    private final AuditLog log;

    AccessEvents(AuditLog log) {
        this.log = log;
    }

    @Override
    public void record(ServerRequest request, Account actor, String action, String objectType, String objectId,
                       Result result) {
        log.append(event(RequestId.of(request).value(), ClientAddress.of(request).value(), actor, action, objectType,
                         objectId, result));
    }

    @Override
    public Written written(ServerRequest request, Account actor, String action, String objectType) {
        String requestId = RequestId.of(request).value();
        String ip = ClientAddress.of(request).value();
        return (DbExecute tx, String objectId) -> log.append(
                tx, event(requestId, ip, actor, action, objectType, objectId, Result.SUCCEEDED));
    }

    private AuditEvent event(String requestId, String ip, Account actor, String action, String objectType,
                             String objectId, Result result) {
        return log.event(action, switch (result) {
                    case SUCCEEDED -> Outcome.SUCCEEDED;
                    case FAILED -> Outcome.FAILED;
                    case DENIED -> Outcome.DENIED;
                })
                .actor(actor == null ? null : actor.id(), actor == null ? null : actor.role().name())
                .object(objectType, objectId)
                .request(requestId, ip)
                .build();
    }
}
