package nl.familyliaison.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.helidon.dbclient.DbExecute;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.cases.Member;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;

/**
 * The reminder before an appointment, put in the outbox when the appointment is confirmed or moved and taken back
 * when it moves again or is cancelled. A reminder whose moment has already passed (an appointment made at short
 * notice) is not sent: the confirmation mail has just gone out. The staff taking part get their own reminder at the
 * same moment, as neutral as the members' one.
 */
final class Reminders {

    private final Outbox outbox;
    private final AccountRepository accounts;
    private final Duration before;
    private final Clock clock;

    Reminders(Outbox outbox, AccountRepository accounts, Duration before, Clock clock) {
        if (before.isNegative() || before.isZero()) {
            throw new IllegalArgumentException("appointments.reminder-before must be positive, not " + before);
        }
        this.outbox = outbox;
        this.accounts = accounts;
        this.before = before;
        this.clock = clock;
    }

    void schedule(DbExecute tx, String appointmentId, int sequence, Instant start, List<Member> recipients,
                  List<String> staffIds) {
        Instant at = start.minus(before);
        if (!at.isAfter(clock.instant())) {
            return;
        }
        for (Member member : recipients) {
            outbox.enqueueAt(tx, new Mail(key(appointmentId) + sequence, member.accountId(), member.email(),
                                          MailTemplate.APPOINTMENT_REMINDER, member.language(), Map.of(),
                                          Mail.Priority.NORMAL),
                             at, start);
        }
        for (String accountId : staffIds) {
            accounts.in(tx).byId(accountId).ifPresent(staff -> outbox.enqueueAt(
                    tx, new Mail(key(appointmentId) + sequence, staff.id(), staff.email(),
                                 MailTemplate.APPOINTMENT_REMINDER_STAFF, staff.language(), Map.of(),
                                 Mail.Priority.NORMAL), at, start));
        }
    }

    void withdraw(DbExecute tx, String appointmentId) {
        outbox.withdraw(tx, key(appointmentId));
    }

    private static String key(String appointmentId) {
        return "appointment-reminder:" + appointmentId + ":";
    }
}
