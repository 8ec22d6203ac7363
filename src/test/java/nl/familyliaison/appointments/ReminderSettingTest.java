package nl.familyliaison.appointments;

import static nl.familyliaison.appointments.Scheduler.confirmed;
import static nl.familyliaison.appointments.Scheduler.proposal;
import static nl.familyliaison.appointments.Scheduler.proposed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The time between reminder and interview is a setting. */
class ReminderSettingTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(
            settings -> settings.set("appointments.reminder-before", "PT48H"));

    private final Scheduler scheduler = new Scheduler(service);

    @Test
    void twoDaysBeforeWhenSoConfigured() {
        Cast cast = scheduler.cases().cast("remind-setting");
        Member member = scheduler.cases().member(cast, "remind-setting-member");
        Instant start = service.clock().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(5))
                .plus(Duration.ofHours(13));
        var offer = proposed(cast.investigatorApi(), cast.caseId(),
                             proposal(List.of(start, start.plusSeconds(3600)), member.membershipId()));
        String id = confirmed(cast.investigatorApi(), offer, 1).path("id").asText();
        LocalDateTime due = LocalDateTime.ofInstant(start.minus(Duration.ofHours(48)), ZoneOffset.UTC);
        String key = "appointment-reminder:" + id + ":%";
        Tables tables = new Tables(service);
        assertEquals(1, tables.count("outbox", "event_key LIKE ? AND template = ? AND due_at = ?", key,
                                     "appointment-reminder", due), "the member's reminder");
        assertEquals(1, tables.count("outbox", "event_key LIKE ? AND template = ? AND due_at = ?", key,
                                     "appointment-reminder-staff", due), "the staff's reminder, at the same time");
    }
}
