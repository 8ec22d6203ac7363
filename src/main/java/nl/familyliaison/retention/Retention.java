package nl.familyliaison.retention;

import java.time.Clock;
import java.util.List;

import io.helidon.config.Config;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Sessions;
import nl.familyliaison.appointments.AppointmentContent;
import nl.familyliaison.audit.AuditRetention;
import nl.familyliaison.briefings.BriefingContent;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.NoteRepository;
import nl.familyliaison.cases.UpdateRepository;
import nl.familyliaison.messages.MessageContent;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Transactions;
import nl.familyliaison.rights.Removal;
import nl.familyliaison.signin.ChallengeRepository;

/** Retention as the rest of the service sees it: the HTTP service (the administrator's report) and the job. */
public record Retention(RetentionService service, RetentionJob job) {

    /** What a closed case holds, each feature's part, and what the service keeps for a while of everyone. */
    public record Holdings(BriefingContent briefings, MessageContent messages, AppointmentContent appointments,
                           UpdateRepository updates, NoteRepository notes, Removal removal,
                           ChallengeRepository challenges,
                           Sessions sessions, Outbox outbox, AuditRetention audit, Idempotency idempotency) {
    }

    public static Retention create(Config config, CaseRepository cases, Holdings holdings, Transactions background,
                                   Guards guards, AccessAudit audit, Clock clock) {
        RetentionSettings settings = RetentionSettings.from(config.get("retention"));
        RetentionJob job = new RetentionJob(cases, purgeOrder(holdings), sweeps(holdings, settings),
                                            holdings.audit(), holdings.messages(), holdings.idempotency(),
                                            background, settings, clock);
        return new Retention(new RetentionService(job, guards, audit), job);
    }

    /** Briefings hold files and meeting proposals, so they go before messages and interviews. */
    private static List<Purgeable> purgeOrder(Holdings holdings) {
        MessageContent messages = holdings.messages();
        UpdateRepository updates = holdings.updates();
        return List.of(
                new Purgeable("briefings", holdings.briefings()::count, holdings.briefings()::purge),
                Purgeable.counted("messages-and-files", messages::itemsOf, messages::purge),
                Purgeable.counted("interviews", holdings.appointments()::count, holdings.appointments()::purge),
                new Purgeable("updates", updates::countOfCase, (tx, caseId) -> updates.in(tx).purgeCase(caseId)),
                new Purgeable("staff-notes", holdings.notes()::countOfCase,
                              (tx, caseId) -> holdings.notes().in(tx).purgeCase(caseId)),
                // Last: the members' own traces go once what they wrote in the case has gone.
                new Purgeable("former-members", holdings.removal()::countFormerMembersOf,
                              holdings.removal()::forgetFormerMembersOf));
    }

    private static List<Sweep> sweeps(Holdings holdings, RetentionSettings settings) {
        return List.of(new Sweep("sign-in-challenges", settings.signInChallengesAfter(),
                                 holdings.challenges()::deleteExpiredBefore),
                       new Sweep("sessions", settings.sessionsAfter(), holdings.sessions()::deleteEndedBefore),
                       new Sweep("sent-mail", settings.sentMailAfter(), holdings.outbox()::deleteSentBefore),
                       new Sweep("sign-in-ips", settings.signInIpAfter(), holdings.audit()::purgeSignInsBefore));
    }
}
