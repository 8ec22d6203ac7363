package nl.familyliaison.notify;

import java.time.Instant;
import java.util.List;

/**
 * A mail that failed for good, as an administrator sees it: what kind of mail, when, why, how often it was tried,
 * and to whom — the recipient's role, and the address only as far as an administrator may see it. Administrators
 * manage staff accounts, so a staff address (or the configured desk's, which has no account) shows in full; a
 * family member's address is case information and shows masked ({@code j…@example.org}): the domain is enough to see
 * a pattern (one provider refusing everything), the family inspector has the full address to phone about it.
 * Never what the mail said: its values are erased when it fails.
 *
 * @param recipient MEMBER, STAFF or DESK (no account: the complaints desk)
 */
public record FailedMail(String id, Category kind, String template, String recipient, String address,
                         FailureReason reason, int attempts, Instant queuedAt, Instant failedAt) {

    /** How many an administrator sees at most (newest first). */
    public static final int LIMIT = 200;

    /** The row as stored. */
    record Row(String id, String recipientRole, String email, String template, int attempts, Instant createdAt,
               Instant failedAt, String reason) {
    }

    static FailedMail of(Row row) {
        String recipient = row.recipientRole() == null ? "DESK" : "MEMBER".equals(row.recipientRole()) ? "MEMBER"
                : "STAFF";
        return new FailedMail(row.id(), Category.of(row.template()), row.template(), recipient,
                              recipient.equals("MEMBER") ? masked(row.email()) : row.email(),
                              row.reason() == null ? FailureReason.GAVE_UP : FailureReason.valueOf(row.reason()),
                              row.attempts(), row.createdAt(), row.failedAt());
    }

    /** The first character of the local part, then the domain: {@code j…@example.org}. */
    static String masked(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "…";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "…" + email.substring(at);
    }

    static List<FailedMail> all(OutboxRepository outbox) {
        return outbox.failedForGood(LIMIT).stream().map(FailedMail::of).toList();
    }
}
