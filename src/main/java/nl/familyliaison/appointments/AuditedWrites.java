package nl.familyliaison.appointments;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.helidon.dbclient.DbTransaction;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseAccess.CaseContext;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Json;

/**
 * Runs a scheduling write in one transaction with its audit event, once per {@code Idempotency-Key}; the mails it
 * queued leave after the commit.
 */
final class AuditedWrites {

    private final CaseAccess access;
    private final Idempotency idempotency;
    private final Outbox outbox;

    AuditedWrites(CaseAccess access, Idempotency idempotency, Outbox outbox) {
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /** What a write answers, and the id of the object it wrote (for the audit event and a replay). */
    record Result(Object view, String objectId) {
    }

    void write(ServerRequest request, ServerResponse response, CaseContext context, String what,
               String objectType, Object body, Status status, Function<DbTransaction, Result> work) {
        String fingerprint = new String(Json.write(body), StandardCharsets.UTF_8);
        // The write's event commits with the write; a retry given the stored answer wrote nothing: recorded alone.
        WriteEvent audited = access.write(request, context, what, objectType);
        Idempotency.Answer answer = idempotency.run(request, context.actor().accountId(), fingerprint, tx -> {
            Result result = work.apply(tx);
            audited.append(tx, result.objectId());
            return Idempotency.Answer.json(status, result.view(), result.objectId());
        });
        outbox.afterCommit();
        if (answer.replayed()) {
            access.recorded(request, context, what, objectType, answer.objectId(), true);
        }
        answer.send(response);
    }
}
