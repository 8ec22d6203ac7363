package nl.familyliaison.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Traces that are not case content and go after a period of their own, provided by the feature that owns them (wired
 * in Features): expired sign-in challenges, ended sessions, sent mail, the IPs of sign-in events.
 *
 * @param kind   what it is, for the report and the log: {@code sessions}, {@code sent-mail}, …
 * @param after  how long it is kept after it ended (expired, ended, was sent, happened)
 * @param delete deletes (or strips) what ended before the given time; returns how many
 */
record Sweep(String kind, Duration after, Function<Instant, Long> delete) {
}
