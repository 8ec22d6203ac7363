package nl.familyliaison;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.webserver.http.HttpRouting;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.access.ChallengeRepository;
import nl.familyliaison.access.CrossSiteGuard;
import nl.familyliaison.access.EnrolmentRepository;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.MemberSignIn;
import nl.familyliaison.access.SessionRepository;
import nl.familyliaison.access.SessionService;
import nl.familyliaison.access.Sessions;
import nl.familyliaison.access.SignInLimits;
import nl.familyliaison.access.SignInService;
import nl.familyliaison.access.StaffAccounts;
import nl.familyliaison.access.StaffEnrolment;
import nl.familyliaison.access.StaffService;
import nl.familyliaison.access.StaffSignIn;
import nl.familyliaison.audit.AuditLog;
import nl.familyliaison.audit.AuditRepository;
import nl.familyliaison.audit.AuditSealer;
import nl.familyliaison.audit.AuditService;
import nl.familyliaison.audit.AuditSettings;
import nl.familyliaison.audit.AuditVerifier;
import nl.familyliaison.audit.Outcome;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.PhaseRepository;
import nl.familyliaison.cases.PhaseService;
import nl.familyliaison.messages.AttachmentRepository;
import nl.familyliaison.messages.Attachments;
import nl.familyliaison.messages.MessageRepository;
import nl.familyliaison.messages.MessageService;
import nl.familyliaison.messages.MessageSettings;
import nl.familyliaison.messages.Posting;
import nl.familyliaison.messages.ThreadPages;
import nl.familyliaison.messages.Threads;
import nl.familyliaison.notify.DeliveryWorker;
import nl.familyliaison.notify.MailSender;
import nl.familyliaison.notify.MailTemplates;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.notify.OutboxRepository;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.ClientAddress;
import nl.familyliaison.platform.RequestId;
import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.IdempotencyRepository;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.RequestLog;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.ratelimit.ApiClientLimit;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * Every feature of the service, built once by constructor from configuration, the database and the clock, and
 * shared by all requests. Reading this file top to bottom shows what depends on what.
 */
public record Features(RequestLog requestLog,
                       ApiClientLimit apiClientLimit,
                       Authentication authentication,
                       CrossSiteGuard crossSiteGuard,
                       PhaseService phases,
                       SignInService signIn,
                       SessionService sessions,
                       StaffService staffService,
                       AuditService auditService,
                       MessageService messages,
                       StaffAccounts staffAccounts,
                       AccountRepository accounts,
                       AuditLog auditLog,
                       AuditSealer sealer,
                       DeliveryWorker delivery,
                       List<AutoCloseable> background) {

    static Features build(Config config, Database database, Clock clock, Path dataDir) {
        RequestLog requestLog = new RequestLog(config.get("http.trust-proxy").asBoolean().orElse(false));
        Transactions transactions = new Transactions(database.client());
        KeyRing keys = KeyRing.create(config.get("crypto"),
                                      database.embedded().isPresent() ? Optional.of(dataDir.resolve("keys"))
                                                                      : Optional.empty());
        RateLimiter limiter = new RateLimiter(database.dataSource(), config.get("db.statements"),
                                              config.get("rate-limits"), clock);

        Outbox outbox = new Outbox(new OutboxRepository(database.client()), keys, clock);
        MailTemplates templates = new MailTemplates(Path.of(config.get("mail.templates").asString()
                                                                    .orElse("mail-templates")),
                                                    config.get("http.public-url").asString()
                                                            .orElse("http://127.0.0.1:8080"));
        DeliveryWorker delivery = new DeliveryWorker(new OutboxRepository(database.client()), outbox, transactions,
                                                     templates, MailSender.create(config.get("mail"),
                                                                                  dataDir.resolve("mail")),
                                                     clock, DeliveryWorker.Settings.from(config.get("notify.delivery")));

        AuditRepository auditRepository = new AuditRepository(database.client());
        AuditLog auditLog = new AuditLog(auditRepository, clock);
        AuditSettings auditSettings = AuditSettings.from(config);
        AuditSealer sealer = new AuditSealer(auditRepository, auditSettings, clock);
        AccessAudit audit = accessAudit(auditLog);
        Authorization authorization = new Authorization();
        Guards guards = new Guards(authorization, audit);
        AccountRepository accounts = new AccountRepository(database.client());
        Sessions sessions = Sessions.create(new SessionRepository(database.client()), clock, config.get("sessions"));
        StaffEnrolment enrolment = new StaffEnrolment(accounts, new EnrolmentRepository(database.client()), outbox, keys,
                                                      transactions, clock,
                                                      config.get("staff.enrolment-lifetime").as(Duration.class)
                                                              .orElse(Duration.ofDays(3)));
        StaffAccounts staffAccounts = new StaffAccounts(accounts, enrolment, sessions, transactions, clock);
        MemberSignIn memberSignIn = new MemberSignIn(accounts, new ChallengeRepository(database.client()), outbox, keys,
                                                     transactions, clock);
        SignInService signIn = new SignInService(memberSignIn, new StaffSignIn(accounts, keys, clock), enrolment,
                                                 sessions, new SignInLimits(limiter), audit);
        List<String> origins = config.get("http.allowed-origins").asList(String.class).orElse(List.of());

        CaseRepository caseRepository = new CaseRepository(database.client());
        CaseAccess caseAccess = new CaseAccess(caseRepository, authorization, auditLog);
        MessageRepository messageRepository = new MessageRepository(database.client());
        Attachments attachments = new Attachments(new AttachmentRepository(database.client()),
                                                  MessageSettings.from(config), keys, clock);
        Posting posting = new Posting(messageRepository, attachments, caseRepository, accounts, outbox, keys, clock);
        MessageService messages = new MessageService(
                new Threads(messageRepository, posting, caseRepository, accounts, caseAccess, clock),
                new ThreadPages(messageRepository, attachments, accounts, keys, clock), attachments, caseAccess,
                new Idempotency(new IdempotencyRepository(), transactions, keys, clock), limiter, outbox, guards);

        return new Features(requestLog,
                            new ApiClientLimit(limiter),
                            new Authentication(sessions),
                            new CrossSiteGuard(origins, requestLog, audit),
                            new PhaseService(new PhaseRepository(database.client())),
                            signIn,
                            new SessionService(sessions, guards, audit),
                            new StaffService(staffAccounts, guards, audit),
                            new AuditService(new AuditVerifier(auditRepository, auditSettings.headFile()),
                                             auditRepository, accounts, guards,
                                             // No case memberships exist until the cases feature stores them.
                                             memberAccountId -> List.of()),
                            messages,
                            staffAccounts,
                            accounts,
                            auditLog,
                            sealer,
                            delivery,
                            List.of(delivery, sealer));
    }

    /** Filters in the order a request passes them, then every feature's routes. */
    ApiRoutes register(HttpRouting.Builder routing) {
        ApiRoutes api = new ApiRoutes(routing);
        routing.addFilter(requestLog::filter);
        routing.addFilter(authentication::filter);
        routing.addFilter(apiClientLimit::filter);
        routing.addFilter(crossSiteGuard::filter);
        phases.routes(api);
        signIn.routes(api);
        sessions.routes(api);
        staffService.routes(api);
        auditService.routes(api);
        messages.routes(api);
        return api;
    }

    void startBackground() {
        delivery.start();
        sealer.start();
    }

    /** Access events go into the audit trail with the request's id and the caller's address. */
    private static AccessAudit accessAudit(AuditLog auditLog) {
        return (request, actor, action, objectType, objectId, result) -> auditLog.append(
                auditLog.event(action, switch (result) {
                            case SUCCEEDED -> Outcome.SUCCEEDED;
                            case FAILED -> Outcome.FAILED;
                            case DENIED -> Outcome.DENIED;
                        })
                        .actor(actor == null ? null : actor.id(), actor == null ? null : actor.role().name())
                        .object(objectType, objectId)
                        .request(RequestId.of(request).value(), ClientAddress.of(request).value())
                        .build());
    }

    void stopBackground() {
        for (AutoCloseable worker : background) {
            try {
                worker.close();
            } catch (Exception e) {
                java.util.logging.Logger.getLogger(Features.class.getName())
                        .warning("A background worker did not stop cleanly: " + e.getClass().getSimpleName());
            }
        }
    }
}
