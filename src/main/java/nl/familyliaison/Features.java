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
import nl.familyliaison.access.CrossSiteGuard;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.SessionRepository;
import nl.familyliaison.access.SessionService;
import nl.familyliaison.access.Sessions;
import nl.familyliaison.signin.SignIn;
import nl.familyliaison.signin.SignInService;
import nl.familyliaison.signin.StaffAccounts;
import nl.familyliaison.signin.StaffService;
import nl.familyliaison.approvals.ApprovalRepository;
import nl.familyliaison.approvals.ApprovalService;
import nl.familyliaison.approvals.Approvals;
import nl.familyliaison.appointments.AppointmentContent;
import nl.familyliaison.appointments.AppointmentService;
import nl.familyliaison.briefings.BriefingRepository;
import nl.familyliaison.briefings.BriefingService;
import nl.familyliaison.briefings.Briefings;
import nl.familyliaison.cases.ClosingService;
import nl.familyliaison.feedback.FeedbackRepository;
import nl.familyliaison.feedback.FeedbackService;
import nl.familyliaison.messages.Messages;
import nl.familyliaison.retention.Retention;
import nl.familyliaison.retention.RetentionJob;
import nl.familyliaison.retention.RetentionService;
import nl.familyliaison.rights.DataRightsService;
import nl.familyliaison.rights.Rights;
import nl.familyliaison.audit.Audit;
import nl.familyliaison.audit.AuditLog;
import nl.familyliaison.audit.AuditSealer;
import nl.familyliaison.audit.AuditService;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseFeature;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.CaseService;
import nl.familyliaison.cases.ContactsService;
import nl.familyliaison.cases.DashboardService;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.cases.MemberService;
import nl.familyliaison.cases.MemberFiles;
import nl.familyliaison.cases.TimelineService;
import nl.familyliaison.cases.UnreadFollowUp;
import nl.familyliaison.cases.PhaseService;
import nl.familyliaison.messages.MessageService;
import nl.familyliaison.notify.DeliveryWorker;
import nl.familyliaison.notify.Notify;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.notify.PreferenceService;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.IdempotencyRepository;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.RequestLog;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.platform.TrustedProxies;
import nl.familyliaison.ratelimit.ApiClientLimit;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * Every feature of the service, built once by its factory from configuration, the database, the clock and the
 * features it needs, and shared by all requests. Reading this file top to bottom shows what depends on what; the
 * policy (what a removal erases, the order retention purges in) lives in the features themselves.
 */
public record Features(RequestLog requestLog,
                       ApiClientLimit apiClientLimit,
                       Authentication authentication,
                       CrossSiteGuard crossSiteGuard,
                       PhaseService phases,
                       CaseService caseService,
                       MemberService memberService,
                       TimelineService timelineService,
                       ContactsService contactsService,
                       DashboardService dashboardService,
                       PreferenceService preferenceService,
                       SignInService signIn,
                       SessionService sessions,
                       StaffService staffService,
                       ApprovalService approvals,
                       AuditService auditService,
                       MessageService messages,
                       AppointmentService appointments,
                       ClosingService closing,
                       BriefingService briefings,
                       DataRightsService dataRights,
                       FeedbackService feedback,
                       RetentionService retentionService,
                       RetentionJob retention,
                       StaffAccounts staffAccounts,
                       AccountRepository accounts,
                       AuditLog auditLog,
                       AuditSealer sealer,
                       Outbox outbox,
                       DeliveryWorker delivery,
                       UnreadFollowUp followUp,
                       List<AutoCloseable> background) {

    static Features build(Config config, Database database, Clock clock, Path dataDir) {
        if (config.get("http.trust-proxy").exists()) {
            throw new IllegalStateException("http.trust-proxy (FL_TRUST_PROXY) is replaced by http.trusted-proxies "
                                            + "(FL_TRUSTED_PROXIES): the proxies' networks, e.g. 10.0.0.0/8");
        }
        RequestLog requestLog = new RequestLog(TrustedProxies.parse(config.get("http.trusted-proxies").asString()
                                                                            .orElse("")));
        Transactions transactions = new Transactions(database.client());
        KeyRing keys = KeyRing.create(config.get("crypto"),
                                      database.embedded().isPresent() ? Optional.of(dataDir.resolve("keys"))
                                                                      : Optional.empty());
        RateLimiter limiter = new RateLimiter(database.dataSource(), config.get("db.statements"),
                                              config.get("rate-limits"), clock, keys.rateLimitBucketKey());

        Audit auditTrail = Audit.create(config, database, clock);
        AuditLog auditLog = auditTrail.log();
        AccessAudit audit = auditTrail.events();
        Authorization authorization = new Authorization();
        Guards guards = new Guards(authorization, audit);
        AccountRepository accounts = new AccountRepository(database.client());
        Notify notify = Notify.create(config, database, accounts, guards, keys, clock, dataDir);
        Outbox outbox = notify.outbox();
        Sessions sessions = Sessions.create(new SessionRepository(database.client()), clock, config.get("sessions"));
        SignIn signIn = SignIn.create(config, database.client(), accounts, sessions, outbox, keys, limiter, guards,
                                      audit, transactions, clock);
        List<String> origins = config.get("http.allowed-origins").asList(String.class).orElse(List.of());

        Idempotency idempotency = new Idempotency(new IdempotencyRepository(), transactions, keys, clock);
        CaseFeature caseFeature = CaseFeature.create(
                config, database.client(), keys, auditLog,
                new CaseFeature.Parts(accounts, authorization, outbox, limiter, guards, audit, transactions,
                                      idempotency, clock));
        CaseRepository caseRepository = caseFeature.cases();
        MemberRepository memberRepository = caseFeature.members();
        CaseAccess caseAccess = caseFeature.access();
        Messages messages = Messages.create(config, database.client(), caseRepository, accounts, caseAccess,
                                            idempotency, limiter, outbox, guards, keys, clock);
        AppointmentContent appointmentContent = new AppointmentContent(database.client(), keys);
        BriefingRepository briefingRepository = new BriefingRepository(database.client());
        PreferenceService preferenceService = notify.preferences();
        TimelineService timelineService = caseFeature.timelineService();
        AppointmentService appointments = AppointmentService.create(
                database.client(), caseRepository, memberRepository, accounts, keys, outbox, caseAccess, idempotency,
                guards, clock, config.get("appointments.reminder-before").as(Duration.class)
                        .orElse(Duration.ofHours(24)),
                config.get("appointments.organizer-address").asString().orElse("no-reply@family-liaison.invalid"));
        BriefingService briefings = new BriefingService(
                new Briefings(briefingRepository, messages.content(), memberRepository, caseRepository, accounts,
                              caseFeature.timeline(), outbox, keys, transactions, clock),
                memberRepository, appointmentContent, caseAccess, caseFeature.phases(), guards, clock, idempotency);
        CaseFeature.Services caseServices = caseFeature.services(
                messages.activity(), MemberFiles.claimed(messages.items().fileItems(), appointments.fileItems(),
                                                         briefings.fileItems()),
                new Transactions(database.backgroundClient()));
        AuditService auditService = auditTrail.service(accounts, guards, caseServices.memberFiles());
        FeedbackRepository feedbackRepository = new FeedbackRepository(database.client());
        FeedbackService feedback = new FeedbackService(feedbackRepository, outbox, keys, transactions, guards, audit,
                                                       clock, config.get("feedback.address").asString()
                                                               .orElse("klachten@family-liaison.invalid"),
                                                       idempotency);
        ApprovalService approvals = new ApprovalService(
                new Approvals(new ApprovalRepository(database.client()), signIn.staffAccounts(),
                              caseFeature.staffAssignment(), accounts, outbox, transactions, clock),
                caseAccess, auditLog, guards, idempotency);
        Rights rights = Rights.create(
                config, database.client(), caseRepository, memberRepository, accounts, caseAccess,
                new Rights.Sources(timelineService, messages.service(), briefings, appointments, auditService,
                                   preferenceService),
                new Rights.Holdings(messages.content(), briefingRepository, appointmentContent, feedbackRepository,
                                    idempotency, outbox),
                limiter, guards, audit, transactions, clock);
        Retention retention = Retention.create(
                config, caseRepository,
                new Retention.Holdings(briefingRepository, messages.content(), appointmentContent,
                                       caseFeature.updates(), rights.removal(), signIn.challenges(), sessions,
                                       outbox, auditTrail.retention(), idempotency),
                new Transactions(database.backgroundClient()), guards, audit, clock);
        return new Features(requestLog,
                            new ApiClientLimit(limiter),
                            new Authentication(sessions),
                            new CrossSiteGuard(origins, requestLog, audit),
                            caseServices.phases(),
                            caseServices.cases(),
                            caseServices.members(),
                            timelineService,
                            caseServices.contacts(),
                            caseServices.dashboard(),
                            preferenceService,
                            signIn.service(),
                            new SessionService(sessions, guards, audit),
                            signIn.staffService(),
                            approvals,
                            auditService,
                            messages.service(),
                            appointments,
                            caseServices.closing(),
                            briefings,
                            rights.service(),
                            feedback,
                            retention.service(),
                            retention.job(),
                            signIn.staffAccounts(),
                            accounts,
                            auditLog,
                            auditTrail.sealer(),
                            outbox,
                            notify.delivery(),
                            caseServices.followUp(),
                            List.of(notify.delivery(), auditTrail.sealer(), caseServices.followUp(), retention.job()));
    }

    /** Filters in the order a request passes them, then every feature's routes. */
    ApiRoutes register(HttpRouting.Builder routing) {
        ApiRoutes api = new ApiRoutes(routing);
        routing.addFilter(requestLog::filter);
        routing.addFilter(authentication::filter);
        routing.addFilter(apiClientLimit::filter);
        routing.addFilter(crossSiteGuard::filter);
        phases.routes(api);
        caseService.routes(api);
        memberService.routes(api);
        timelineService.routes(api);
        contactsService.routes(api);
        dashboardService.routes(api);
        preferenceService.routes(api);
        signIn.routes(api);
        sessions.routes(api);
        staffService.routes(api);
        approvals.routes(api);
        auditService.routes(api);
        messages.routes(api);
        appointments.routes(api);
        closing.routes(api);
        briefings.routes(api);
        dataRights.routes(api);
        feedback.routes(api);
        retentionService.routes(api);
        return api;
    }

    void startBackground() {
        delivery.start();
        sealer.start();
        followUp.start();
        retention.start();
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
