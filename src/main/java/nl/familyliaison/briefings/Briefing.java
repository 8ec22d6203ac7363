package nl.familyliaison.briefings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.familyliaison.access.Authorization;

/**
 * An embargoed summary or report shared with chosen members before publication: the file (a stored attachment), the
 * publication date, until when remarks are welcome, a note from the family inspector, and once published the public
 * report's address.
 *
 * @param publicUrl   null until published
 * @param publishedAt null until published; while null the briefing is under embargo
 */
record Briefing(String id, String caseId, String sharedBy, String attachmentId, LocalDate publicationDate,
                       Instant remarksUntil, String note, String publicUrl, Instant publishedAt, Instant createdAt,
                       List<Recipient> recipients, List<Remark> remarks) {

    /** This briefing as an item for the one decision: shared with its chosen members. */
    Authorization.Item item() {
        return Authorization.Item.of(Authorization.ItemKind.BRIEFING, Authorization.Visibility.chosen(
                recipients.stream().map(Recipient::memberId).collect(Collectors.toSet())));
    }

    /** A chosen member: when they opened the file, and whether they asked for a meeting instead. */
    public record Recipient(String memberId, Instant openedAt, Instant meetingRequestedAt, String meetingProposalId) {
    }

    /** A factual remark of a chosen member. */
    public record Remark(String id, String memberId, String text, Instant postedAt) {
    }

    public boolean embargoed() {
        return publishedAt == null;
    }

    public boolean remarksOpenAt(Instant now) {
        return now.isBefore(remarksUntil);
    }

    public Optional<Recipient> recipient(String memberId) {
        return recipients.stream().filter(recipient -> recipient.memberId().equals(memberId)).findFirst();
    }

    /**
     * The chosen member a member caller reads and answers this briefing as: themselves, or, for a representative
     * who was not chosen, the member they represent (who the one decision let them see it for).
     */
    public String readAs(nl.familyliaison.cases.CaseRole role) {
        String self = role.memberId().orElseThrow();
        return recipient(self).isPresent() ? self : role.representing()
                .map(nl.familyliaison.access.Authorization.Representing::memberId).orElse(self);
    }
}
