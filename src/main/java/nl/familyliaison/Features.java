package nl.familyliaison;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.http.HttpRouting;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.signin.ChallengeRepository;
import nl.familyliaison.access.CrossSiteGuard;
import nl.familyliaison.signin.EnrolmentRepository;
import nl.familyliaison.access.Guards;
import nl.familyliaison.signin.MemberSignIn;
import nl.familyliaison.access.SessionRepository;
import nl.familyliaison.access.SessionService;
import nl.familyliaison.access.Sessions;
import nl.familyliaison.signin.SignInLimits;
import nl.familyliaison.signin.SignInService;
import nl.familyliaison.signin.StaffAccounts;
import nl.familyliaison.signin.StaffEnrolment;
import nl.familyliaison.signin.StaffService;
import nl.familyliaison.signin.StaffSignIn;
import nl.familyliaison.approvals.ApprovalRepository;
import nl.familyliaison.approvals.ApprovalService;
import nl.familyliaison.approvals.Approvals;
import nl.familyliaison.appointments.AppointmentContent;
import nl.familyliaison.appointments.AppointmentService;
import nl.familyliaison.audit.AuditRetention;
import nl.familyliaison.briefings.BriefingRepository;
import nl.familyliaison.briefings.BriefingService;
import nl.familyliaison.briefings.Briefings;
import nl.familyliaison.cases.Closing;
import nl.familyliaison.cases.ClosingService;
import nl.familyliaison.feedback.FeedbackRepository;
import nl.familyliaison.feedback.FeedbackService;
import nl.familyliaison.messages.MessageContent;
import nl.familyliaison.messages.MessageItems;
import nl.familyliaison.retention.Purgeable;
import nl.familyliaison.retention.RetentionJob;
import nl.familyliaison.retention.RetentionService;
import nl.familyliaison.retention.RetentionSettings;
import nl.familyliaison.retention.Sweep;
import nl.familyliaison.rights.DataRightsService;
import nl.familyliaison.rights.ExportRunRepository;
import nl.familyliaison.rights.ExportRuns;
import nl.familyliaison.rights.Exporter;
import nl.familyliaison.rights.Removal;
import nl.familyliaison.rights.RemovalRepository;
import nl.familyliaison.audit.AccessEvents;
import nl.familyliaison.audit.AuditLog;
import nl.familyliaison.audit.AuditRepository;
import nl.familyliaison.audit.AuditSealer;
import nl.familyliaison.audit.AuditService;
import nl.familyliaison.audit.AuditSettings;
import nl.familyliaison.audit.AuditVerifier;
import nl.familyliaison.cases.CaseAccess;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.CaseService;
import nl.familyliaison.cases.Cases;
import nl.familyliaison.cases.Contacts;
import nl.familyliaison.cases.ContactsService;
import nl.familyliaison.cases.Dashboard;
import nl.familyliaison.cases.DashboardService;
import nl.familyliaison.cases.MemberRepository;
import nl.familyliaison.cases.MemberService;
import nl.familyliaison.cases.MemberFiles;
import nl.familyliaison.cases.Members;
import nl.familyliaison.cases.PhaseRepository;
import nl.familyliaison.cases.PlaintextUpdates;
import nl.familyliaison.cases.Timeline;
import nl.familyliaison.cases.TimelineService;
import nl.familyliaison.cases.UnreadFollowUp;
import nl.familyliaison.cases.UnreadUpdates;
import nl.familyliaison.cases.StaffAssignment;
import nl.familyliaison.cases.UpdateRepository;
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
import nl.familyliaison.notify.OutboxMetrics;
import nl.familyliaison.notify.OutboxRepository;
import nl.familyliaison.notify.PreferenceRepository;
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
 * Every feature of the service, built once by constructor from configuration, the database and the clock, and
 * shared by all requests. Reading this file top to bottom shows what depends on what.
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
                       Optional<BenchmarkPeers> benchmarkPeers,
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

        PreferenceRepository preferences = new PreferenceRepository(database.client());
        Outbox outbox = new Outbox(new OutboxRepository(database.client()), preferences, keys, clock);
        MailTemplates templates = new MailTemplates(Path.of(config.get("mail.templates").asString()
                                                                    .orElse("mail-templates")),
                                                    config.get("http.public-url").asString()
                                                            .orElse("http://127.0.0.1:8080"));
        DeliveryWorker delivery = new DeliveryWorker(new OutboxRepository(database.backgroundClient()), outbox,
                                                     new Transactions(database.backgroundClient()),
                                                     templates, MailSender.create(config.get("mail"),
                                                                                  dataDir.resolve("mail")),
                                                     clock, DeliveryWorker.Settings.from(config.get("notify.delivery")),
                                                     new OutboxMetrics(Metrics.globalRegistry(), new OutboxRepository(
                                                             database.backgroundClient()), clock));

        AuditRepository auditRepository = new AuditRepository(database.client());
        AuditLog auditLog = new AuditLog(auditRepository, clock);
        AuditSettings auditSettings = AuditSettings.from(config);
        AuditSealer sealer = new AuditSealer(new AuditRepository(database.backgroundClient()), auditSettings, clock);
        AccessAudit audit = new AccessEvents(auditLog);
        Authorization authorization = new Authorization();
        Guards guards = new Guards(authorization, audit);
        AccountRepository accounts = new AccountRepository(database.client());
        Sessions sessions = Sessions.create(new SessionRepository(database.client()), clock, config.get("sessions"));
        StaffEnrolment enrolment = new StaffEnrolment(accounts, new EnrolmentRepository(database.client()), outbox,
                                                      keys,
                                                      transactions, clock,
                                                      config.get("staff.enrolment-lifetime").as(Duration.class)
                                                              .orElse(Duration.ofDays(3)));
        StaffAccounts staffAccounts = new StaffAccounts(accounts, enrolment, sessions, transactions, clock);
        MemberSignIn memberSignIn = new MemberSignIn(accounts, new ChallengeRepository(database.client()), outbox, keys,
                                                     transactions, clock);
        SignInService signIn = new SignInService(memberSignIn, new StaffSignIn(accounts, keys, clock), enrolment,
                                                 sessions, new SignInLimits(limiter, config.get("sign-in")),
                                                 audit);
        List<String> origins = config.get("http.allowed-origins").asList(String.class).orElse(List.of());

        PhaseRepository phaseRepository = new PhaseRepository(database.client());
        CaseRepository caseRepository = new CaseRepository(database.client());
        MemberRepository memberRepository = new MemberRepository(database.client());
        CaseAccess caseAccess = new CaseAccess(caseRepository, authorization, auditLog, clock);
        Cases cases = new Cases(caseRepository, accounts, transactions, clock,
                                config.get("cases.update-cadence-days").asInt().orElse(28));
        UpdateRepository updateRepository = new UpdateRepository(database.client(), keys);
        new PlaintextUpdates(updateRepository, transactions).sealRemaining();
        Timeline timeline = new Timeline(updateRepository, caseRepository, memberRepository,
                                         outbox, transactions, clock);
        MessageRepository messageRepository = new MessageRepository(database.client());
        Idempotency idempotency = new Idempotency(new IdempotencyRepository(), transactions, keys, clock);
        UnreadUpdates unreadUpdates = new UnreadUpdates(memberRepository, updateRepository);
        Duration followUpAfter = config.get("notify.unread-reminder-after").as(Duration.class)
                .orElse(Duration.ofDays(3));
        UnreadFollowUp followUp = new UnreadFollowUp(
                caseRepository, unreadUpdates,
                before -> messageRepository.unreadByMembers(before).stream()
                        .map(unread -> new UnreadFollowUp.UnreadMessage(unread.accountId(), unread.messageId()))
                        .toList(),
                accounts, outbox, new Transactions(database.backgroundClient()), clock, followUpAfter,
                config.get("notify.unread-check-interval").as(Duration.class).orElse(Duration.ofMinutes(15)));
        Dashboard dashboard = new Dashboard(caseRepository, memberRepository, updateRepository, followUpAfter, cases,
                                            (staffId, before) -> messageRepository.waitingForStaff(staffId, before)
                                                    .stream().map(waiting -> new Dashboard.WaitingThread(
                                                            waiting.caseId(), waiting.threadId(), waiting.since()))
                                                    .toList(),
                                            accountIds -> outbox.failedFor(accountIds).stream()
                                                    .map(failed -> new Dashboard.FailedMail(failed.recipientId(),
                                                                                            failed.template(),
                                                                                            failed.createdAt()))
                                                    .toList(),
                                            clock);
        Attachments attachments = new Attachments(new AttachmentRepository(database.client()),
                                                  MessageSettings.from(config), keys, clock);
        Posting posting = new Posting(messageRepository, attachments, caseRepository, accounts, outbox, keys, clock);
        MessageService messages = new MessageService(
                new Threads(messageRepository, posting, caseRepository, accounts, caseAccess, clock),
                new ThreadPages(messageRepository, attachments, accounts, caseRepository, keys, clock), attachments, caseAccess,
                idempotency, limiter, outbox, guards);

        MessageContent messageContent = new MessageContent(database.client(), attachments,
                                                           new AttachmentRepository(database.client()), keys);
        AppointmentContent appointmentContent = new AppointmentContent(database.client(), keys);
        BriefingRepository briefingRepository = new BriefingRepository(database.client());
        PreferenceService preferenceService = new PreferenceService(preferences, accounts, guards, clock);
        TimelineService timelineService = new TimelineService(timeline, caseRepository, caseAccess, phaseRepository,
                                                              cases, guards);
        AppointmentService appointments = AppointmentService.create(
                database.client(), caseRepository, memberRepository, accounts, keys, outbox, caseAccess, idempotency,
                guards, clock, config.get("appointments.reminder-before").as(Duration.class)
                        .orElse(Duration.ofHours(24)),
                config.get("appointments.organizer-address").asString().orElse("no-reply@family-liaison.invalid"));
        BriefingService briefings = new BriefingService(
                new Briefings(briefingRepository, messageContent, memberRepository, caseRepository, accounts,
                              timeline, outbox, keys, transactions, clock),
                memberRepository, appointmentContent, caseAccess, phaseRepository, guards, clock);
        MessageItems messageItems = new MessageItems(messageRepository, new AttachmentRepository(database.client()));
        MemberFiles memberFiles = new MemberFiles(caseRepository, updateRepository, authorization, Map.of(
                "message-thread", messageItems::thread, "message", messageItems::message,
                "attachment", messageItems::attachment, "interview-proposal", appointments::proposalItem,
                "appointment", appointments::appointmentItem, "briefing", briefings::item), clock);
        AuditService auditService = new AuditService(new AuditVerifier(auditRepository, auditSettings.headFile()),
                                                     auditRepository, accounts, guards, memberFiles, audit);
        FeedbackRepository feedbackRepository = new FeedbackRepository(database.client());
        FeedbackService feedback = new FeedbackService(feedbackRepository, outbox, keys, transactions, guards, audit,
                                                       clock, config.get("feedback.address").asString()
                                                               .orElse("klachten@family-liaison.invalid"));
        Removal removal = new Removal(new RemovalRepository(database.client()), accounts, memberRepository,
                                      caseRepository, List.of(
                                              (tx, accountId, email) -> messageContent.eraseAuthor(tx, accountId),
                                              (tx, accountId, email) -> briefingRepository.in(tx)
                                                      .eraseRemarksOf(accountId),
                                              (tx, accountId, email) -> appointmentContent.eraseAccount(tx,
                                                                                                        accountId),
                                              (tx, accountId, email) -> feedbackRepository.eraseOf(tx, accountId),
                                              (tx, accountId, email) -> idempotency.forget(tx, accountId),
                                              (tx, accountId, email) -> outbox.forget(tx, accountId, email)),
                                      outbox, transactions, clock);
        RetentionSettings retentionSettings = RetentionSettings.from(config.get("retention"));
        AuditRetention auditRetention = new AuditRetention(new AuditRepository(database.backgroundClient()), clock);
        // Briefings hold files and meeting proposals, so they go before messages and interviews.
        ApprovalService approvals = new ApprovalService(
                new Approvals(new ApprovalRepository(database.client()), staffAccounts,
                              new StaffAssignment(caseRepository, accounts, outbox, clock), accounts, outbox,
                              transactions, clock),
                caseAccess, auditLog, guards);
        RetentionJob retention = new RetentionJob(
                caseRepository, List.of(
                        new Purgeable("briefings", briefingRepository::countOfCase,
                                      (tx, caseId) -> briefingRepository.in(tx).purgeCase(caseId)),
                        new Purgeable("messages-and-files",
                                      caseId -> messageContent.count(caseId).messages()
                                                + messageContent.count(caseId).attachments(),
                                      (tx, caseId) -> {
                                          MessageContent.Count purged = messageContent.purge(tx, caseId);
                                          return purged.messages() + purged.attachments();
                                      }),
                        new Purgeable("interviews", appointmentContent::count, appointmentContent::purge),
                        new Purgeable("updates", updateRepository::countOfCase,
                                      (tx, caseId) -> updateRepository.in(tx).purgeCase(caseId)),
                        // Last: the members' own traces go once what they wrote in the case has gone.
                        new Purgeable("former-members", removal::countFormerMembersOf,
                                      removal::forgetFormerMembersOf)),
                List.of(new Sweep("sign-in-challenges", retentionSettings.signInChallengesAfter(),
                                  new ChallengeRepository(database.client())::deleteExpiredBefore),
                        new Sweep("sessions", retentionSettings.sessionsAfter(), sessions::deleteEndedBefore),
                        new Sweep("sent-mail", retentionSettings.sentMailAfter(), outbox::deleteSentBefore),
                        new Sweep("sign-in-ips", retentionSettings.signInIpAfter(),
                                  auditRetention::purgeSignInsBefore)),
                auditRetention, messageContent, idempotency, new Transactions(database.backgroundClient()),
                retentionSettings, clock);
        return new Features(requestLog,
                            new ApiClientLimit(limiter),
                            new Authentication(sessions),
                            new CrossSiteGuard(origins, requestLog, audit),
                            new PhaseService(phaseRepository),
                            new CaseService(cases, caseRepository, caseAccess, phaseRepository, guards),
                            new MemberService(new Members(memberRepository, accounts, outbox, transactions, clock),
                                              caseAccess, limiter, guards),
                            timelineService,
                            new ContactsService(new Contacts(caseRepository, Contacts.from(
                                    config.get("contacts.support-organisations"))), caseAccess, guards),
                            new DashboardService(dashboard, phaseRepository, cases, guards, audit),
                            preferenceService,
                            signIn,
                            new SessionService(sessions, guards, audit),
                            new StaffService(staffAccounts, guards, audit),
                            approvals,
                            auditService,
                            messages,
                            appointments,
                            new ClosingService(new Closing(timeline, caseRepository, clock,
                                                           config.get("cases.aftercare-period").as(Duration.class)
                                                                   .orElse(Duration.ofDays(90))),
                                               caseRepository, caseAccess, phaseRepository, cases, guards),
                            briefings,
                            new DataRightsService(new Exporter(caseRepository, caseAccess, timelineService,
                                                               messages, briefings, appointments, auditService,
                                                               preferenceService, clock),
                                                  new ExportRuns(new ExportRunRepository(database.client()),
                                                                 config.get("rights.export-lease").as(Duration.class)
                                                                         .orElse(Duration.ofMinutes(2)), clock),
                                                  limiter, removal, guards, audit),
                            feedback,
                            new RetentionService(retention, guards, audit),
                            retention,
                            staffAccounts,
                            accounts,
                            auditLog,
                            sealer,
                            outbox,
                            delivery,
                            followUp,
                            config.get("benchmark.peers").asBoolean().orElse(false)
                            ? Optional.of(new BenchmarkPeers(database.client(), caseRepository, timeline, clock))
                            : Optional.empty(),
                            List.of(delivery, sealer, followUp, retention));
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
        benchmarkPeers.ifPresent(peers -> peers.routes(routing));
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
