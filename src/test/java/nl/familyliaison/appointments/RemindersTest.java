package nl.familyliaison.appointments;

import static nl.familyliaison.appointments.Scheduler.cancel;
import static nl.familyliaison.appointments.Scheduler.confirmed;
import static nl.familyliaison.appointments.Scheduler.expect;
import static nl.familyliaison.appointments.Scheduler.proposal;
import static nl.familyliaison.appointments.Scheduler.proposed;
import static nl.familyliaison.appointments.Scheduler.reschedule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reminder a day before an interview, with a moved clock: queued for the right moment, sent then and not
 * before, moved along with the appointment, and gone when it is cancelled.
 */
class RemindersTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(settings -> settings);

    private final Scheduler scheduler = new Scheduler(service);
    private final Tables tables = new Tables(service);

    @Test
    void theReminderComesADayBeforeAndNotEarlier() {
        Cast cast = scheduler.cases().cast("remind-once");
        Member member = scheduler.cases().member(cast, "remind-once-member");
        Instant start = inDays(3);
        String id = appointment(cast, member, start);
        assertEquals(1, reminders(id, start.minus(Duration.ofHours(24))), "queued for 24 hours before");

        service.clock().set(start.minus(Duration.ofHours(24)).minusSeconds(60));
        awaitNothingDue();
        assertEquals(0, Mailbox.to(member.account().email(), Scheduler.REMINDER_MAIL).size(), "not yet");

        service.clock().advance(Duration.ofSeconds(61));
        Mailbox.await(member.account().email(), Scheduler.REMINDER_MAIL);
        awaitNothingDue();
        assertEquals(1, Mailbox.to(member.account().email(), Scheduler.REMINDER_MAIL).size(), "exactly once");
    }

    @Test
    void theStaffTakingPartGetTheirOwnReminderAtTheSameMomentAndNotWhenItIsCancelled() {
        Cast cast = scheduler.cases().cast("remind-staff");
        Member member = scheduler.cases().member(cast, "remind-staff-member");
        Instant start = inDays(4);
        String id = appointment(cast, member, start);
        assertEquals(1, reminders(id, start.minus(Duration.ofHours(24)), "appointment-reminder-staff"));
        Instant later = start.plus(Duration.ofDays(3));
        String other = appointment(cast, member, later);
        expect(200, cancel(cast.investigatorApi(), other, "Niet meer nodig."));
        assertEquals(0, reminders(other, null, "appointment-reminder-staff"), "taken back with the appointment");
        String staff = cast.investigator().account().email();
        service.clock().set(start.minus(Duration.ofHours(24)).plusSeconds(1));
        Mailbox.Received mail = Mailbox.await(staff, Scheduler.STAFF_REMINDER_MAIL);
        assertFalse(mail.text().contains(member.account().displayName()), "no names in the mail");
        assertEquals(0, Mailbox.to(member.account().email(), Scheduler.STAFF_REMINDER_MAIL).size());
    }

    @Test
    void aCancelledAppointmentGetsNoReminder() {
        Cast cast = scheduler.cases().cast("remind-cancel");
        Member member = scheduler.cases().member(cast, "remind-cancel-member");
        Instant start = inDays(3);
        String id = appointment(cast, member, start);
        expect(200, cancel(cast.investigatorApi(), id, "Het gesprek is niet meer nodig."));
        assertEquals(0, reminders(id, null));

        service.clock().set(start.minus(Duration.ofHours(1)));
        awaitNothingDue();
        assertEquals(0, Mailbox.to(member.account().email(), Scheduler.REMINDER_MAIL).size());
    }

    @Test
    void aMovedAppointmentGetsOneReminderForItsNewTime() {
        Cast cast = scheduler.cases().cast("remind-move");
        Member member = scheduler.cases().member(cast, "remind-move-member");
        Instant start = inDays(3);
        String id = appointment(cast, member, start);
        Instant later = start.plus(Duration.ofDays(2));
        expect(200, reschedule(cast.investigatorApi(), id, later, later.plusSeconds(3600), "De tolk kan dan."));
        assertEquals(0, reminders(id, start.minus(Duration.ofHours(24))), "the old one is taken back");
        assertEquals(1, reminders(id, later.minus(Duration.ofHours(24))), "the new one is queued");
        assertEquals(1, reminders(id, null));

        service.clock().set(start.minus(Duration.ofHours(23)));
        awaitNothingDue();
        assertEquals(0, Mailbox.to(member.account().email(), Scheduler.REMINDER_MAIL).size(), "not at the old time");
        service.clock().set(later.minus(Duration.ofHours(23)));
        Mailbox.await(member.account().email(), Scheduler.REMINDER_MAIL);
    }

    @Test
    void anAppointmentMadeAtShortNoticeGetsNoReminderButItsConfirmation() {
        Cast cast = scheduler.cases().cast("remind-soon");
        Member member = scheduler.cases().member(cast, "remind-soon-member");
        Instant start = service.clock().instant().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.HOURS);
        String id = appointment(cast, member, start);
        assertEquals(0, reminders(id, null));
        Mailbox.await(member.account().email(), Scheduler.CONFIRMED_MAIL);
    }

    /** Three days from the test clock's now at 14:00 UTC: clear of quiet hours on the reminder's day. */
    private Instant inDays(int days) {
        return service.clock().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days))
                .plus(Duration.ofHours(13));
    }

    private String appointment(Cast cast, Member member, Instant start) {
        var offer = proposed(cast.investigatorApi(), cast.caseId(),
                             proposal(List.of(start, start.plusSeconds(3600)), member.membershipId()));
        return confirmed(cast.investigatorApi(), offer, 1).path("id").asText();
    }

    /** Members' reminder rows of the appointment in the outbox (due at {@code due}, when given). */
    private long reminders(String appointmentId, Instant due) {
        return reminders(appointmentId, due, "appointment-reminder");
    }

    private long reminders(String appointmentId, Instant due, String template) {
        String key = "appointment-reminder:" + appointmentId + ":%";
        return due == null ? tables.count("outbox", "event_key LIKE ? AND template = ?", key, template)
                           : tables.count("outbox", "event_key LIKE ? AND template = ? AND due_at = ?", key,
                                          template, LocalDateTime.ofInstant(due, ZoneOffset.UTC));
    }

    /** Waits until the worker has handled every mail that is due by the test clock. */
    private void awaitNothingDue() {
        Instant deadline = Instant.now().plusSeconds(15);
        while (tables.count("outbox", "status = 'PENDING' AND due_at <= ?",
                            LocalDateTime.ofInstant(service.clock().instant(), ZoneOffset.UTC)) > 0) {
            assertTrue(Instant.now().isBefore(deadline), "the outbox did not drain");
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
