package nl.familyliaison.appointments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.validate.ValidationException;
import nl.familyliaison.platform.Texts;

/**
 * An appointment as an iCalendar file (RFC 5545) for the person's own calendar program. A standing appointment is
 * METHOD:PUBLISH (RFC 5546: a file a person downloads and adds, which names no attendees); a cancelled one is
 * METHOD:CANCEL with STATUS:CANCELLED, the same UID, a higher SEQUENCE and the person downloading it as the attendee
 * it is cancelled for (RFC 5546 asks for the attendees in a CANCEL), so their calendar removes the event. Times are in
 * Europe/Amsterdam with the zone's rules written in, so the wall-clock time holds across daylight saving changes
 * in every program. The UID never changes and SEQUENCE rises with each change, so a moved or cancelled appointment
 * replaces the one already in the calendar. The summary is neutral: no names, no incident, nothing a glance at a
 * shared calendar could give away.
 */
final class CalendarFile {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final String PRODUCT = "-//Inspectie Justitie en Veiligheid//Familiecontact//NL";

    /**
     * Built on a virtual thread as the service starts: reading ical4j's zone data takes a good part of a second, which
     * would otherwise lengthen every start; the first calendar file waits for it if it is not there yet.
     */
    private final CompletableFuture<VTimeZone> amsterdam;
    private final String organizerAddress;

    CalendarFile(String organizerAddress) {
        this.amsterdam = CompletableFuture.supplyAsync(CalendarFile::amsterdam,
                                                       runnable -> Thread.ofVirtual().name("calendar-zone")
                                                               .start(runnable));
        this.organizerAddress = organizerAddress;
    }

    /**
     * The VTIMEZONE for Europe/Amsterdam. The tz database now keeps Amsterdam as an alias of Brussels, and ical4j's
     * copy names it so: a file saying TZID=Europe/Amsterdam on its times with only a Europe/Brussels definition would
     * leave strict programs guessing. So the definition is renamed, and only the rules still in force are kept (an
     * appointment is never in the past): two lines instead of a century of history. Both cities have kept the same
     * clock since 1977; {@code CalendarFileTest} checks the offsets day by day against java.time for a year ahead.
     */
    static VTimeZone amsterdam() {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        VTimeZone definition = registry.getTimeZone(AMSTERDAM.getId()).getVTimeZone();
        List<Observance> inForce = definition.getObservances().stream()
                .filter(observance -> observance.getProperty(Property.RRULE)
                        .map(rule -> ((RRule<?>) rule).getRecur().getUntil() == null).orElse(false))
                .toList();
        if (inForce.size() != 2) {
            throw new IllegalStateException("Expected a summer and a winter rule for " + AMSTERDAM + ", found "
                                            + inForce.size());
        }
        return new VTimeZone(new PropertyList(List.of(new TzId(AMSTERDAM.getId()))), new ComponentList<>(inForce));
    }

    /**
     * The file for the person downloading it; {@code attendeeAddress} (their own address) is written only into a
     * cancellation.
     */
    byte[] of(Appointment appointment, Texts texts, Instant now, String attendeeAddress) {
        ZonedDateTime start = appointment.time().start().atZone(AMSTERDAM);
        ZonedDateTime end = appointment.time().end().atZone(AMSTERDAM);
        VEvent event = new VEvent(start, end, texts.get("calendar.summary"));
        event.add(new Uid(appointment.id() + "@family-liaison"));
        event.add(new Sequence(appointment.sequence()));
        event.replace(new DtStamp(now));
        event.add(organizer(texts));
        event.add(new Status(appointment.isCancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        event.add(new Description(description(appointment.mode(), texts)));
        place(appointment, event);
        if (appointment.isCancelled()) {
            event.add(new Attendee(URI.create("mailto:" + attendeeAddress)));
        }
        Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults()
                .withProperty(new Method(appointment.isCancelled() ? Method.VALUE_CANCEL : Method.VALUE_PUBLISH))
                .withComponent(amsterdam.join())
                .withComponent(event)
                .getFluentTarget();
        return write(calendar);
    }

    private Organizer organizer(Texts texts) {
        return new Organizer(new ParameterList(List.of(new Cn(texts.get("calendar.organizer")))),
                             URI.create("mailto:" + organizerAddress));
    }

    private static void place(Appointment appointment, VEvent event) {
        String place = appointment.details().place();
        if (place.isEmpty()) {
            return;
        }
        event.add(new Location(place));
        if (appointment.mode() == InterviewMode.VIDEO) {
            event.add(new Url(URI.create(place)));
        }
    }

    private static String description(InterviewMode mode, Texts texts) {
        return texts.get(switch (mode) {
            case IN_PERSON -> "calendar.inPerson";
            case VIDEO -> "calendar.video";
            case PHONE -> "calendar.phone";
        });
    }

    private static byte[] write(Calendar calendar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("An appointment gave an invalid calendar file", e);
        }
        return out.toByteArray();
    }
}
