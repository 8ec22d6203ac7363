package nl.familyliaison.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.helidon.dbclient.DbRow;

/**
 * Reading and writing column values the same way everywhere. Times are stored as DATETIME(6) holding UTC wall-clock
 * time, so the database's and the JVM's time zones never matter.
 */
public final class Rows {

    private Rows() {
    }

    /** A time as a statement parameter. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A DATETIME column as an instant, or null. */
    public static Instant instant(DbRow row, String column) {
        Object value = row.column(column).get(Object.class);
        return switch (value) {
            case null -> null;
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            case Timestamp timestamp -> timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
            case OffsetDateTime offset -> offset.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalStateException("Column " + column + " is not a time: " + value.getClass());
        };
    }

    /** A DATE column, or null. */
    public static java.time.LocalDate date(DbRow row, String column) {
        Object value = row.column(column).get(Object.class);
        return switch (value) {
            case null -> null;
            case java.time.LocalDate date -> date;
            case java.sql.Date date -> date.toLocalDate();
            case LocalDateTime local -> local.toLocalDate();
            default -> throw new IllegalStateException("Column " + column + " is not a date: " + value.getClass());
        };
    }

    public static String text(DbRow row, String column) {
        Object value = row.column(column).get(Object.class);
        return value == null ? null : value.toString();
    }

    public static long number(DbRow row, String column) {
        Object value = row.column(column).get(Object.class);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A BOOLEAN (TINYINT(1)) column; the driver may give a Boolean or a number. */
    public static boolean flag(DbRow row, String column) {
        Object value = row.column(column).get(Object.class);
        return switch (value) {
            case null -> false;
            case Boolean bool -> bool;
            case Number number -> number.intValue() != 0;
            default -> throw new IllegalStateException("Column " + column + " is not a flag: " + value.getClass());
        };
    }

    public static byte[] bytes(DbRow row, String column) {
        Object value = row.column(column).get(Object.class);
        return switch (value) {
            case null -> null;
            case byte[] bytes -> bytes;
            case java.sql.Blob blob -> blobBytes(blob);
            default -> throw new IllegalStateException("Column " + column + " is not binary: " + value.getClass());
        };
    }

    private static byte[] blobBytes(java.sql.Blob blob) {
        try {
            return blob.getBytes(1, (int) blob.length());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
