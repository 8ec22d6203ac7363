package nl.familyliaison.cases;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard and the unread follow-up need to know about messages. Declared here and offered by the
 * messages feature, because messages already depends on cases (its threads belong to a case).
 */
public interface MessageActivity {

    /** Threads on the staff member's cases whose newest message is a member's, posted before {@code before}. */
    List<Dashboard.WaitingThread> waitingForStaff(String staffAccountId, Instant before);

    /** Messages that members taking part in their thread have not read, posted before {@code before}. */
    List<UnreadFollowUp.UnreadMessage> unreadByMembers(Instant before);
}
