package nl.familyliaison.notify;

import jakarta.mail.SendFailedException;
import nl.familyliaison.platform.Causes;

/**
 * Why a mail failed for good, as a category an administrator can act on without seeing the mail: the address was
 * refused (check it with the person, or phone), the mail itself was refused (too big), a template is missing (an
 * installation fault), or 72 hours of retries ran out (the mail server could not be reached).
 */
public enum FailureReason {
    ADDRESS_REFUSED, MAIL_REFUSED, TEMPLATE_MISSING, GAVE_UP;

    /** The category of a failure that trying again cannot help; null when trying again might. */
    static FailureReason permanent(Throwable e) {
        if (Causes.any(e, cause -> cause instanceof MailTemplates.MissingTemplate)) {
            return TEMPLATE_MISSING;
        }
        if (Causes.any(e, cause -> cause instanceof org.simplejavamail.api.mailer.EmailTooBigException)) {
            return MAIL_REFUSED;
        }
        if (Causes.any(e, cause -> cause instanceof org.simplejavamail.mailer.MailValidationException
                || cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                   && failed.getInvalidAddresses().length > 0)) {
            return ADDRESS_REFUSED;
        }
        return null;
    }
}
