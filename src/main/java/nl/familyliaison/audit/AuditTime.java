package nl.familyliaison.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Times as the audit log stores and hashes them: UTC with exactly six fractional digits,
 * {@code 2026-03-02 09:00:00.000000}.
 *
 * <p>Times travel to and from MariaDB as this text rather than as JDBC date types: the driver converts those through
 * the JVM's default time zone, and a UTC time that falls in a local daylight-saving gap would come back an hour off,
 * breaking its content hash. DATETIME(6) itself is zone-free, so text in, text out is exact.
 */
final class AuditTime {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private AuditTime() {
    }

    /** The time as stored: microseconds, which is what DATETIME(6) keeps. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String text(Instant instant) {
        return TEXT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant parse(String text) {
        return LocalDateTime.parse(text, TEXT).toInstant(ZoneOffset.UTC);
    }
}
