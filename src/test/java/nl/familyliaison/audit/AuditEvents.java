package nl.familyliaison.audit;

import java.time.Instant;

import nl.familyliaison.platform.Ids;

/** Events as the service will append them, for tests. */
final class AuditEvents {

    static final String CASE_ID = "7c1d2f0e-5b7a-4c39-9a52-2f4f0d6b8e11";

    private AuditEvents() {
    }

    /** A family inspector reading a case, with every field filled in. */
    static AuditEvent caseRead(Instant at) {
        return AuditEvent.builder("case.read", Outcome.ALLOWED, at)
                .actor("0f8e4a57-3c1b-4d2e-9f6a-1b2c3d4e5f60", "FAMILY_INSPECTOR")
                .object("case", CASE_ID)
                .caseId(CASE_ID)
                .request("5f1c0a9b8e7d6c5b4a392817", "192.0.2.10")
                .detail("opened the timeline")
                .build();
    }

    /** Event number {@code n} of a series: a different actor and object each time. */
    static AuditEvent numbered(int n, Instant at) {
        return AuditEvent.builder("message.read", n % 5 == 0 ? Outcome.DENIED : Outcome.ALLOWED, at)
                .actor(Ids.newId(), "MEMBER")
                .object("message", Ids.newId())
                .caseId(CASE_ID)
                .request("request-" + n, "198.51.100." + (n % 250))
                .build();
    }

    static AuditEvent withActor(AuditEvent event, String accountId) {
        return new AuditEvent(accountId, event.actorRole(), event.action(), event.objectType(), event.objectId(),
                              event.caseId(), event.outcome(), event.at(), event.requestId(), event.ip(),
                              event.detail());
    }

    static AuditEvent withAction(AuditEvent event, String action) {
        return new AuditEvent(event.actorAccountId(), event.actorRole(), action, event.objectType(), event.objectId(),
                              event.caseId(), event.outcome(), event.at(), event.requestId(), event.ip(),
                              event.detail());
    }
}
