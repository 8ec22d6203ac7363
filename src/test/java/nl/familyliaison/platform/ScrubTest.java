package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLIntegrityConstraintViolationException;

import org.junit.jupiter.api.Test;

/** Exception messages lose addresses and SQL values, keep the kind of failure and the names of keys. */
class ScrubTest {

    @Test
    void aDuplicateEntryKeepsTheKeyNotTheValue() {
        assertEquals("Duplicate entry '…' for key 'accounts.uq_accounts_email'",
                     Scrub.text("Duplicate entry 'sam.de-vries+1@example.org' for key 'accounts.uq_accounts_email'"));
        assertEquals("Duplicate entry '…' for key 'PRIMARY'",
                     Scrub.text("Duplicate entry 'it''s-42' for key 'PRIMARY'"));
    }

    @Test
    void anSmtpRefusalLosesTheAddress() {
        String scrubbed = Scrub.text("550 5.1.1 <sam@example.org>: Recipient address rejected: User unknown "
                                     + "(to sam@mail.example.org, cc \"Sam\" <s.jansen@example.nl>)");
        assertFalse(scrubbed.contains("@"), scrubbed);
        assertTrue(scrubbed.startsWith("550 5.1.1 <<address>>: Recipient address rejected"), scrubbed);
    }

    @Test
    void otherMessagesStayAsTheyAre() {
        assertEquals("Connection is not available, request timed out after 2000ms.",
                     Scrub.text("Connection is not available, request timed out after 2000ms."));
        assertNull(Scrub.text(null));
    }

    @Test
    void aScrubbedExceptionPrintsLikeTheOriginalWithoutTheValues() {
        SQLIntegrityConstraintViolationException sql = new SQLIntegrityConstraintViolationException(
                "(conn=7) Duplicate entry 'sam@example.org' for key 'uq_email'", "23000", 1062);
        IllegalStateException failure = new IllegalStateException("Could not store sam@example.org", sql);
        failure.addSuppressed(new RuntimeException("rollback failed for 'sam@example.org'"));

        String printed = print(Scrub.throwable(failure));
        assertFalse(printed.contains("sam@"), printed);
        assertTrue(printed.startsWith("java.lang.IllegalStateException: Could not store <address>"), printed);
        assertTrue(printed.contains("Caused by: java.sql.SQLIntegrityConstraintViolationException: (conn=7) "
                                    + "Duplicate entry '…' for key 'uq_email'"), printed);
        assertTrue(printed.contains("Suppressed: java.lang.RuntimeException: rollback failed for '…'"), printed);
        assertTrue(printed.contains("at nl.familyliaison.platform.ScrubTest"), "the stack trace stays: " + printed);
    }

    private static String print(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
