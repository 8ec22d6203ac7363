package nl.familyliaison.appointments;

import static nl.familyliaison.appointments.Scheduler.calendarFile;
import static nl.familyliaison.appointments.Scheduler.cancel;
import static nl.familyliaison.appointments.Scheduler.confirmed;
import static nl.familyliaison.appointments.Scheduler.expect;
import static nl.familyliaison.appointments.Scheduler.hourLong;
import static nl.familyliaison.appointments.Scheduler.local;
import static nl.familyliaison.appointments.Scheduler.proposal;
import static nl.familyliaison.appointments.Scheduler.proposed;
import static nl.familyliaison.appointments.Scheduler.reschedule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calendar file read back by ical4j and by biweekly, an independent parser: wall-clock times hold on the days
 * the clocks change, the UID stays, SEQUENCE rises, and a cancellation says CANCEL.
 */
class CalendarFileTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(settings -> settings);

    private final Scheduler scheduler = new Scheduler(service);

    @Test
    void onTheLastSundayOfMarchTheWallClockTimeHolds() throws Exception {
        assertWallClock("2026-03-29T10:00", "march");
    }

    @Test
    void onTheLastSundayOfOctoberTheWallClockTimeHolds() throws Exception {
        assertWallClock("2026-10-25T10:00", "october");
    }

    @Test
    void theTimeZoneDefinitionKeepsAmsterdamsClockEveryDayForAYearAhead() {
        // Midday of every day: which rule holds on which date. (ical4j's java.util.TimeZone adapter places the
        // switch itself an hour off, so the hours around 02:00 are left to the wall-clock tests above.)
        net.fortuna.ical4j.model.TimeZone zone = new net.fortuna.ical4j.model.TimeZone(CalendarFile.amsterdam());
        java.time.zone.ZoneRules rules = Scheduler.AMSTERDAM.getRules();
        java.time.Instant from = service.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .plusSeconds(12 * 3600);
        for (java.time.Instant at = from; at.isBefore(from.plus(java.time.Duration.ofDays(366)));
             at = at.plus(java.time.Duration.ofDays(1))) {
            assertEquals(rules.getOffset(at).getTotalSeconds() * 1000, zone.getOffset(at.toEpochMilli()),
                         "offset at " + at);
        }
    }

    @Test
    void theUidStaysTheSequenceRisesAndACancellationSaysCancel() throws Exception {
        Cast cast = scheduler.cases().cast("ics-changes");
        Member member = scheduler.cases().member(cast, "ics-changes-member");
        String id = appointmentAt(cast, member, "2026-04-14T10:00").path("id").asText();
        Calendar first = ical4j(calendarFile(member.api(), id).body());
        assertEquals("PUBLISH", first.getProperty("METHOD").orElseThrow().getValue());
        assertEquals("0", event(first).getProperty("SEQUENCE").orElseThrow().getValue());

        expect(200, reschedule(cast.investigatorApi(), id, local("2026-04-15T11:00"), local("2026-04-15T12:00"),
                               "De onderzoeker is ziek."));
        String movedText = calendarFile(member.api(), id).body();
        Calendar moved = ical4j(movedText);
        assertEquals("PUBLISH", moved.getProperty("METHOD").orElseThrow().getValue());
        assertEquals("1", event(moved).getProperty("SEQUENCE").orElseThrow().getValue());
        assertEquals(uid(first), uid(moved));
        VEvent movedElsewhere = biweekly(movedText);
        assertEquals(Integer.valueOf(1), movedElsewhere.getSequence().getValue());
        assertEquals(local("2026-04-15T11:00"), movedElsewhere.getDateStart().getValue().toInstant());

        expect(200, cancel(cast.investigatorApi(), id, "Het gesprek is niet meer nodig."));
        String cancelledText = calendarFile(member.api(), id).body();
        Calendar cancelled = ical4j(cancelledText);
        assertEquals("CANCEL", cancelled.getProperty("METHOD").orElseThrow().getValue());
        assertEquals("CANCELLED", event(cancelled).getProperty("STATUS").orElseThrow().getValue());
        assertEquals("2", event(cancelled).getProperty("SEQUENCE").orElseThrow().getValue());
        assertEquals(uid(first), uid(cancelled));
        ICalendar elsewhere = Biweekly.parse(cancelledText).first();
        assertEquals("CANCEL", elsewhere.getMethod().getValue());
        assertEquals(uid(first), elsewhere.getEvents().get(0).getUid().getValue());
    }

    @Test
    void eachFileIsValidByRfc5545AndRfc5546AsAnIndependentParserReadsIt() {
        Cast cast = scheduler.cases().cast("ics-valid");
        Member member = scheduler.cases().member(cast, "ics-valid-member");
        String id = appointmentAt(cast, member, "2026-05-12T10:00").path("id").asText();
        String published = calendarFile(member.api(), id).body();
        assertValid(published);
        ICalendar publish = Biweekly.parse(published).first();
        assertEquals("PUBLISH", publish.getMethod().getValue());
        assertTrue(publish.getEvents().get(0).getAttendees().isEmpty(), "a PUBLISH names no attendees");
        assertNotNull(publish.getEvents().get(0).getOrganizer(), "a PUBLISH names its organiser");

        expect(200, cancel(cast.investigatorApi(), id, "Het gesprek is niet meer nodig."));
        String cancelled = calendarFile(member.api(), id).body();
        assertValid(cancelled);
        VEvent event = Biweekly.parse(cancelled).first().getEvents().get(0);
        assertEquals(1, event.getAttendees().size(), "a CANCEL names the attendee it is cancelled for");
        assertEquals(member.account().email(), event.getAttendees().get(0).getEmail());
        assertEquals("CANCELLED", event.getStatus().getValue());
        assertEquals(Integer.valueOf(1), event.getSequence().getValue(), "higher than the published one");
        String staffCopy = calendarFile(cast.investigatorApi(), id).body();
        assertEquals(cast.investigator().account().email(),
                     Biweekly.parse(staffCopy).first().getEvents().get(0).getAttendees().get(0).getEmail());
    }

    /** One DTSTAMP per event, and nothing biweekly's RFC 5545 validation warns about. */
    private static void assertValid(String text) {
        String event = text.substring(text.indexOf("BEGIN:VEVENT"), text.indexOf("END:VEVENT"));
        assertEquals(1, event.split("\r\nDTSTAMP").length - 1, "exactly one DTSTAMP in the event:\n" + text);
        ICalendar calendar = Biweekly.parse(text).first();
        assertTrue(calendar.validate(ICalVersion.V2_0).isEmpty(),
                   () -> calendar.validate(ICalVersion.V2_0).toString() + "\n" + text);
    }

    @Test
    void theSummaryGivesNothingAway() {
        Cast cast = scheduler.cases().cast("ics-neutral");
        Member member = scheduler.cases().member(cast, "ics-neutral-member");
        String id = appointmentAt(cast, member, "2026-04-20T10:00").path("id").asText();
        String text = calendarFile(member.api(), id).body();
        String nl = text.replace("\r\n ", "");
        assertTrue(nl.contains("SUMMARY:Gesprek met de Inspectie Justitie en Veiligheid"), nl);
        for (String secret : List.of("ics-neutral", "Onderzoek", "Neem gerust", member.account().displayName(),
                                     cast.investigator().account().displayName())) {
            assertFalse(nl.contains(secret), "the calendar file must not contain " + secret);
        }
        String en = calendarFile(member.api(), id).body();
        assertNotNull(en);
        String english = member.api().get("/api/appointments/" + id + "/calendar.ics", "Accept-Language", "en")
                .body().replace("\r\n ", "");
        assertTrue(english.contains("SUMMARY:Interview with the Inspectorate of Justice and Security"), english);
    }

    private void assertWallClock(String wallClock, String label) throws Exception {
        Cast cast = scheduler.cases().cast("ics-" + label);
        Member member = scheduler.cases().member(cast, "ics-" + label + "-member");
        String id = appointmentAt(cast, member, wallClock).path("id").asText();
        String text = calendarFile(member.api(), id).body();

        Calendar parsed = ical4j(text);
        VTimeZone zone = parsed.getComponent("VTIMEZONE").map(VTimeZone.class::cast).orElseThrow();
        assertEquals("Europe/Amsterdam", zone.getProperty("TZID").orElseThrow().getValue());
        DtStart<Temporal> start = event(parsed).getProperty("DTSTART").map(DtStart.class::cast).orElseThrow();
        ZonedDateTime startsAt = (ZonedDateTime) start.getDate();
        assertEquals(LocalDateTime.parse(wallClock), startsAt.withZoneSameInstant(Scheduler.AMSTERDAM)
                .toLocalDateTime());
        assertEquals(local(wallClock), startsAt.toInstant());

        VEvent elsewhere = biweekly(text);
        assertEquals(local(wallClock), elsewhere.getDateStart().getValue().toInstant(),
                     "biweekly reads the same moment");
        assertEquals(local(wallClock).plusSeconds(3600), elsewhere.getDateEnd().getValue().toInstant());
    }

    private JsonNode appointmentAt(Cast cast, Member member, String wallClock) {
        JsonNode offer = proposed(cast.investigatorApi(), cast.caseId(),
                                  proposal(hourLong(wallClock), member.membershipId()));
        return confirmed(cast.investigatorApi(), offer, 1);
    }

    private static Calendar ical4j(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static net.fortuna.ical4j.model.component.VEvent event(Calendar calendar) {
        return calendar.getComponent("VEVENT").map(net.fortuna.ical4j.model.component.VEvent.class::cast)
                .orElseThrow();
    }

    private static String uid(Calendar calendar) {
        return event(calendar).getProperty("UID").orElseThrow().getValue();
    }

    private static VEvent biweekly(String text) {
        ICalendar calendar = Biweekly.parse(text).first();
        assertNotNull(calendar, "biweekly reads the file");
        assertEquals(1, calendar.getEvents().size());
        return calendar.getEvents().get(0);
    }
}
