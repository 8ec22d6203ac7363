package nl.familyliaison.notify;

import java.util.Map;

import nl.familyliaison.platform.Language;

/**
 * One mail to one person, as the outbox stores it.
 *
 * @param eventKey       what caused it, unique per recipient: one event never gives two mails to one person
 * @param recipientId    the account, when the recipient has one
 * @param recipientEmail where it goes
 * @param template       which mail: its texts and its category
 * @param language       the recipient's language; null for an address without an account (a desk): the
 *                       service's default language
 * @param values         the template's values; never case content (names, incidents, times, places, message text)
 * @param priority       who goes first
 */
public record Mail(String eventKey, String recipientId, String recipientEmail, MailTemplate template, Language language,
                   Map<String, String> values, Priority priority) {

    public enum Priority {
        /** A sign-in code: someone is waiting for it right now; never held back. */
        SIGN_IN(0),
        NORMAL(5);

        private final int rank;

        Priority(int rank) {
            this.rank = rank;
        }

        public int rank() {
            return rank;
        }
    }
}
