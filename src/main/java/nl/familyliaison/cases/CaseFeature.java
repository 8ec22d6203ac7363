package nl.familyliaison.cases;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Authorization;
import nl.familyliaison.access.Guards;
import nl.familyliaison.audit.AuditLog;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.KeyRing;
import nl.familyliaison.platform.Languages;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.ratelimit.RateLimiter;

/**
 * Cases as the rest of the service sees them, in two steps: first what the other features build on (the case and
 * member records, the one door every case route passes, the timeline), then, once messages and the features whose
 * items a member's file shows exist, the HTTP services and the unread follow-up.
 */
public record CaseFeature(Config config, Parts parts, PhaseRepository phases, CaseRepository cases,
                          MemberRepository members, UpdateRepository updates, CaseAccess access, Cases rules,
                          Timeline timeline, TimelineService timelineService, NoteRepository notes,
                          PhoneRepository phones, CaseAdminService adminCases, CoverRepository covers,
                          PromiseRepository promises) {

    /** What the second step needs again of the first step's dependencies. */
    public record Parts(AccountRepository accounts, Authorization authorization, Outbox outbox, RateLimiter limiter,
                        Guards guards, AccessAudit audit, Transactions transactions, Idempotency idempotency,
                        Clock clock, Languages languages) {
    }

    /** The HTTP services, the background follow-up and the member's file (which the audit service shows). */
    public record Services(PhaseService phases, CaseService cases, MemberService members, ContactsService contacts,
                           DashboardService dashboard, ClosingService closing, UnreadFollowUp followUp,
                           MemberFiles memberFiles, Administering administering) {
    }

    /** What keeps families answered while staff are away or late: absence cover and overdue promises. */
    public record Administering(CoverService covers, OverduePromiseService overdue, OverduePromises promises) {
        public void routes(nl.familyliaison.platform.ApiRoutes routes) {
            covers.routes(routes);
            overdue.routes(routes);
        }
    }

    /** Seals any update still stored in plain text before the first request can read one. */
    public static CaseFeature create(Config config, DbClient db, KeyRing keys, AuditLog auditLog, Parts parts) {
        PhaseRepository phases = new PhaseRepository(db, parts.languages());
        CaseRepository cases = new CaseRepository(db);
        MemberRepository members = new MemberRepository(db);
        CaseAccess access = new CaseAccess(cases, parts.authorization(), auditLog, parts.clock());
        Cases rules = new Cases(cases, parts.accounts(), parts.transactions(), parts.clock(),
                                config.get("cases.update-cadence-days").asInt().orElse(28));
        UpdateRepository updates = new UpdateRepository(db, keys);
        new PlaintextUpdates(updates, parts.transactions()).sealRemaining();
        Timeline timeline = new Timeline(updates, cases, members, parts.outbox(), parts.transactions(),
                                         parts.clock());
        return new CaseFeature(config, parts, phases, cases, members, updates, access, rules, timeline,
                               new TimelineService(timeline, cases, access, phases, parts.clock(), parts.guards(),
                                                   parts.idempotency()),
                               new NoteRepository(db, keys), new PhoneRepository(db, keys),
                               new CaseAdminService(new CaseOverviewRepository(db), cases, access, phases, rules,
                                                    parts.guards()),
                               new CoverRepository(db), new PromiseRepository(db));
    }

    /** Who takes part in which case, for four-eyes approvals of staff changes. */
    public StaffAssignment staffAssignment() {
        return new StaffAssignment(cases, parts.accounts(), parts.outbox(), parts.clock());
    }

    private Administering administering(OverduePromises overdue) {
        return new Administering(new CoverService(new Covers(covers, parts.accounts(), parts.outbox(),
                                                             parts.transactions(), parts.clock()),
                                                  parts.guards(), parts.audit(), parts.idempotency()),
                                 new OverduePromiseService(overdue, parts.guards(), parts.audit()), overdue);
    }

    /** Reminders and escalation of next-update promises, run with the unread follow-up on the background pool. */
    private OverduePromises overduePromises(Transactions background) {
        return new OverduePromises(cases, promises, parts.accounts(), parts.outbox(), background, parts.clock(),
                                   config.get("cases.escalation-after").asInt().orElse(5),
                                   config.get("cases.coordination-address").asString().asOptional());
    }

    public Services services(MessageActivity messages, Map<String, MemberFiles.ItemLookup> items,
                             Transactions background) {
        Duration followUpAfter = config.get("notify.unread-reminder-after").as(Duration.class)
                .orElse(Duration.ofDays(3));
        Guards guards = parts.guards();
        OverduePromises overdue = overduePromises(background);
        return new Services(
                new PhaseService(phases),
                new CaseService(rules, cases, access, phases, guards, parts.idempotency(), messages,
                                new NoteService(new CaseNotes(notes, parts.transactions(), parts.clock()), access,
                                                guards, parts.idempotency()),
                                adminCases),
                new MemberService(new Members(members, parts.accounts(), parts.outbox(), parts.transactions(),
                                              parts.clock()),
                                  new MemberChanges(members, phones, parts.accounts(), parts.outbox(),
                                                    parts.transactions(), parts.clock()),
                                  access, parts.limiter(), guards, parts.idempotency()),
                new ContactsService(new Contacts(cases, Contacts.from(config.get("contacts.support-organisations"),
                                                                      parts.languages()),
                                                 covers, members), access, guards, parts.clock()),
                DashboardService.create(cases, members, updates, phases, messages, parts.outbox(), phones,
                                        followUpAfter, covers, guards, parts.audit(), parts.clock()),
                new ClosingService(new Closing(timeline, cases, parts.clock(),
                                               config.get("cases.aftercare-period").as(Duration.class)
                                                       .orElse(Duration.ofDays(90))),
                                   cases, access, phases, parts.clock(), guards),
                new UnreadFollowUp(cases, new UnreadUpdates(members, updates), messages, parts.accounts(),
                                   parts.outbox(), background, parts.clock(), followUpAfter,
                                   config.get("notify.unread-check-interval").as(Duration.class)
                                           .orElse(Duration.ofMinutes(15)), overdue::round),
                new MemberFiles(cases, updates, parts.authorization(), items, parts.clock()),
                administering(overdue));
    }
}
