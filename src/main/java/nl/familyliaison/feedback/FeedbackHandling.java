package nl.familyliaison.feedback;

import java.time.Clock;

import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.Transactions;

/**
 * How the complaints desk handles feedback: received, in progress, answered. An administrator moves it to any of
 * these (an answered complaint can be taken up again); the change and its audit event commit together.
 */
record FeedbackHandling(FeedbackRepository feedback, Transactions transactions, Clock clock) {

    /** Where one piece of feedback stands. */
    enum Status { RECEIVED, IN_PROGRESS, ANSWERED }

    /**
     * @throws ProblemException 400 without a status, 404 when there is no such feedback
     */
    FeedbackRepository.Stored change(String id, Status status, String byAccountId, AccessAudit.Written audited) {
        if (status == null) {
            throw ProblemException.invalid("status", "Choose received, in progress or answered.");
        }
        if (!Ids.isId(id)) {
            throw ProblemException.notFound();
        }
        boolean changed = transactions.inTransaction(tx -> {
            boolean found = feedback.setStatus(tx, id, status.name(), byAccountId, clock.instant());
            if (found) {
                audited.append(tx, id);
            }
            return found;
        });
        if (!changed) {
            throw ProblemException.notFound();
        }
        return feedback.byId(id).orElseThrow(ProblemException::notFound);
    }
}
