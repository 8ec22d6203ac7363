package nl.familyliaison;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.HttpRouting;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountCredentials;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.access.CrossSiteGuard;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Sessions;
import nl.familyliaison.signin.SignIn;
import nl.familyliaison.signin.StaffAccounts;
import nl.familyliaison.approvals.ApprovalService;
import nl.familyliaison.appointments.AppointmentService;
import nl.familyliaison.appointments.Appointments;
import nl.familyliaison.briefings.BriefingFeature;
import nl.familyliaison.briefings.BriefingService;
import nl.familyliaison.cases.ClosingService;
import nl.familyliaison.feedback.Feedback;
import nl.familyliaison.feedback.FeedbackService;
import nl.familyliaison.messages.Messages;
import nl.familyliaison.reports.ReportService;
import nl.familyliaison.reports.Reports;
import nl.familyliaison.retention.Retention;
import nl.familyliaison.retention.RetentionJob;
import nl.familyliaison.retention.RetentionService;
import nl.familyliaison.providers.Providers;
import nl.familyliaison.rights.DataRightsService;
import nl.familyliaison.rights.Rights;
import nl.familyliaison.audit.Audit;
import nl.familyliaison.audit.AuditLog;
import nl.familyliaison.audit.AuditSealer;
import nl.familyliaison.audit.AuditService;
import nl.familyliaison.cases.CaseFeature;
import nl.familyliaison.cases.CaseService;
import nl.familyliaison.cases.ContactsService;
import nl.familyliaison.cases.DashboardService;
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
import nl.familyliaison.passkeys.Passkeys;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Database;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.LanguageService;
import nl.familyliaison.platform.Languages;
import nl.familyliaison.platform.RequestLog;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.ratelimit.ApiClientLimit;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * Every feature of the service, built once by its factory from configuration, the database, the clock and the
 * features it needs, and shared by all requests. Reading this file top to bottom shows what depends on what; the
 * policy (what a removal erases, the order retention purges in) lives in the features themselves.
 */
public record Features(RequestLog requestLog,
                       LanguageService languageService,
                       ApiClientLimit apiClientLimit,
                       Authentication authentication,
                       CrossSiteGuard crossSiteGuard,
                       PhaseService phases,
                       CaseService caseService,
                       MemberService memberService,
                       TimelineService timelineService,
                       ContactsService contactsService,
                       DashboardService dashboardService,
                       CaseFeature.Administering administering,
                       PreferenceService preferenceService,
                       SignInWays signInWays,
                       ApprovalService approvals,
                       AuditService auditService,
                       MessageService messages,
                       AppointmentService appointments,
                       ClosingService closing,
                       BriefingService briefings,
                       DataRightsService dataRights,
                       FeedbackService feedback,
                       RetentionService retentionService,
                       ReportService reports,
                       RetentionJob retention,
                       StaffAccounts staffAccounts,
                       AccountRepository accounts,
                       AuditLog auditLog,
                       AuditSealer sealer,
                       Outbox outbox,
                       DeliveryWorker delivery,
                       UnreadFollowUp followUp,
                       List<AutoCloseable> background) {

    /** What every feature is built on: settings, keys, limits, the audit trail, accounts, mail and sessions. */
    record Base(Config config, Database database, Clock clock, RequestLog requestLog,
                        Transactions transactions, KeyRing keys, RateLimiter limiter, Audit auditTrail,
                        Authorization authorization, Guards guards, AccountRepository accounts, Notify mail,
                        Sessions sessions, SignIn signIn, Idempotency idempotency, Languages languages) {

        AccessAudit audit() {
            return auditTrail.events();
        }

        Outbox outbox() {
            return mail.outbox();
        }

        Transactions background() {
            return new Transactions(database.backgroundClient());
        }
    }

    /** The features that hold case data: cases first, then what builds on them. */
    private record Content(CaseFeature cases, Messages messages, Appointments appointments,
                           BriefingFeature briefings, Feedback feedback) {
    }

    static Features build(Config config, Database database, Clock clock, Path dataDir) {
        Base base = base(config, database, clock, dataDir);
        Content content = content(base);
        CaseFeature cases = content.cases();
        CaseFeature.Services caseServices = cases.services(
                content.messages().activity(),
                MemberFiles.claimed(content.messages().items().fileItems(),
                                    content.appointments().service().fileItems(),
                                    content.briefings().service().fileItems()),
                base.background());
        AuditService auditService = base.auditTrail().service(base.accounts(), base.guards(),
                                                              caseServices.memberFiles());
        Rights rights = Rights.create(
                config, database.client(), cases.cases(), cases.members(), base.accounts(), cases.access(),
                new Rights.Sources(cases.timelineService(), content.messages().service(),
                                   content.briefings().service(), content.appointments().service(), auditService,
                                   base.mail().preferences()),
                new Rights.Holdings(content.messages().content(), content.briefings().content(),
                                    content.appointments().content(), content.feedback(), base.idempotency(),
                                    base.outbox(), heldElsewhere(database)),
                base.limiter(), base.guards(), base.audit(), base.transactions(), clock);
        Retention retention = Retention.create(
                config, cases.cases(),
                new Retention.Holdings(content.briefings().content(), content.messages().content(),
                                       content.appointments().content(), cases.updates(), cases.notes(),
                                       rights.removal(),
                                       base.signIn().challenges(), base.sessions(), base.outbox(),
                                       base.auditTrail().retention(), base.idempotency()),
                base.background(), base.guards(), base.audit(), clock);
        return assemble(base, content, caseServices, auditService, rights, retention);
    }

    private static Base base(Config config, Database database, Clock clock, Path dataDir) {
        RequestLog requestLog = RequestLog.create(config);
        Transactions transactions = new Transactions(database.client());
        KeyRing keys = KeyRing.create(config.get("crypto"),
                                      database.embedded().isPresent() ? Optional.of(dataDir.resolve("keys"))
                                                                      : Optional.empty());
        RateLimiter limiter = new RateLimiter(database.dataSource(), config.get("db.statements"),
                                              config.get("rate-limits"), clock, keys.rateLimitBucketKey());
        Audit auditTrail = Audit.create(config, database, clock);
        Authorization authorization = new Authorization();
        Guards guards = new Guards(authorization, auditTrail.events());
        AccountRepository accounts = new AccountRepository(database.client());
        Languages languages = Languages.load(config);
        Notify notify = Notify.create(config, database, accounts, guards, keys, clock, dataDir, languages);
        Sessions sessions = Sessions.create(database.client(), transactions, clock, config.get("sessions"),
                                            Providers.membersNeedDigid(config));
        SignIn signIn = SignIn.create(config, database.client(), accounts, sessions, notify.outbox(), keys, limiter,
                                      guards, auditTrail.events(), transactions, heldElsewhere(database), clock);
        return new Base(config, database, clock, requestLog, transactions, keys, limiter, auditTrail, authorization,
                        guards, accounts, notify, sessions, signIn, Idempotency.create(transactions, keys, clock),
                        languages);
    }

    /** Ways of signing in kept outside the account's row, forgotten at a staff reset and at a removal. */
    private static List<AccountCredentials> heldElsewhere(Database database) {
        return List.of(Passkeys.credentials(), Providers.credentials(database.client()));
    }

    /** In dependency order: cases, messages, interviews, briefings (which share both), feedback. */
    private static Content content(Base base) {
        Config config = base.config();
        DbClient db = base.database().client();
        CaseFeature cases = CaseFeature.create(
                config, db, base.keys(), base.auditTrail().log(),
                new CaseFeature.Parts(base.accounts(), base.authorization(), base.outbox(), base.limiter(),
                                      base.guards(), base.audit(), base.transactions(), base.idempotency(),
                                      base.clock(), base.languages()));
        Messages messages = Messages.create(config, db, cases.cases(), base.accounts(), cases.access(),
                                            base.idempotency(), base.limiter(), base.outbox(), base.guards(),
                                            base.keys(), base.clock());
        Appointments appointments = Appointments.create(config, db, base.keys(), cases);
        BriefingFeature briefings = BriefingFeature.create(db, base.keys(), cases, messages.content(),
                                                           appointments.content());
        Feedback feedback = Feedback.create(config, db, base.outbox(), base.keys(), base.transactions(),
                                            base.guards(), base.audit(), base.idempotency(), base.clock());
        return new Content(cases, messages, appointments, briefings, feedback);
    }

    private static Features assemble(Base base, Content content, CaseFeature.Services caseServices,
                                     AuditService auditService, Rights rights, Retention retention) {
        List<String> origins = base.config().get("http.allowed-origins").asList(String.class).orElse(List.of());
        Notify notify = base.mail();
        Audit auditTrail = base.auditTrail();
        ApprovalService approvals = ApprovalService.create(base.database().client(), base.signIn().staffAccounts(),
                                                           content.cases(), auditTrail.log());
        return new Features(base.requestLog(), new LanguageService(base.languages()),
                            new ApiClientLimit(base.limiter()),
                            new Authentication(base.sessions()),
                            new CrossSiteGuard(origins, base.requestLog(), base.audit()),
                            caseServices.phases(), caseServices.cases(), caseServices.members(),
                            content.cases().timelineService(), caseServices.contacts(), caseServices.dashboard(),
                            caseServices.administering(), notify.preferences(),
                            SignInWays.create(base.config(), base.database().client(), base, content.cases()),
                            approvals, auditService,
                            content.messages().service(), content.appointments().service(), caseServices.closing(),
                            content.briefings().service(), rights.service(), content.feedback().service(),
                            retention.service(),
                            Reports.create(base.database().client(), base.outbox(), base.guards(), base.audit(),
                                           base.clock()),
                            retention.job(), base.signIn().staffAccounts(), base.accounts(),
                            auditTrail.log(), auditTrail.sealer(), base.outbox(), notify.delivery(),
                            caseServices.followUp(),
                            List.of(notify.delivery(), auditTrail.log(), auditTrail.sealer(), caseServices.followUp(),
                                    retention.job()));
    }

    /** The languages the service speaks. */
    public Languages languages() {
        return languageService.languages();
    }

    /** Filters in the order a request passes them, then every feature's routes. */
    ApiRoutes register(HttpRouting.Builder routing) {
        ApiRoutes api = new ApiRoutes(routing);
        routing.addFilter(requestLog::filter);
        routing.addFilter(authentication::filter);
        routing.addFilter(apiClientLimit::filter);
        routing.addFilter(crossSiteGuard::filter);
        routing.addFilter(languages()::filter);
        languageService.routes(api);
        phases.routes(api);
        caseService.routes(api);
        memberService.routes(api);
        timelineService.routes(api);
        contactsService.routes(api);
        dashboardService.routes(api);
        administering.routes(api);
        preferenceService.routes(api);
        signInWays.routes(api);
        approvals.routes(api);
        auditService.routes(api);
        messages.routes(api);
        appointments.routes(api);
        closing.routes(api);
        briefings.routes(api);
        dataRights.routes(api);
        feedback.routes(api);
        retentionService.routes(api);
        reports.routes(api);
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
