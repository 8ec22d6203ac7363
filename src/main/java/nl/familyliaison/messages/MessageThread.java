package nl.familyliaison.messages;

import java.time.Instant;
import java.util.Set;

/**
 * A conversation in a case between its family inspectors and the members taking part.
 *
 * @param memberIds the memberships (not accounts) taking part; the case's family inspectors always do
 */
public record MessageThread(String id, String caseId, String startedBy, Instant createdAt, Instant lastMessageAt,
                            Set<String> memberIds) {
}
