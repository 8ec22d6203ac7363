package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLIntegrityConstraintViolationException;

import io.helidon.dbclient.DbClientException;
import org.junit.jupiter.api.Test;

/**
 * A write that lost a unique key to a concurrent one (two links of one DigiD at once) is told apart from a failure
 * of ours, so the error mapping answers it as a conflict (409), never as a 500.
 */
class DuplicateKeyTest {

    @Test
    void mariaDbsDuplicateEntryInsideTheDatabaseClientsExceptionIsADuplicate() {
        DbClientException failure = new DbClientException("insert failed", new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'x' for key 'account_identity_subject'", "23000", 1062));
        assertTrue(ErrorMapping.isDuplicate(failure));
    }

    @Test
    void anotherConstraintOrAnotherFailureIsNot() {
        assertFalse(ErrorMapping.isDuplicate(new DbClientException("insert failed",
                new SQLIntegrityConstraintViolationException("Cannot add a child row", "23000", 1452))));
        assertFalse(ErrorMapping.isDuplicate(new IllegalStateException("something else")));
    }
}
