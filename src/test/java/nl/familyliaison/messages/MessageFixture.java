package nl.familyliaison.messages;

import java.util.List;

import nl.familyliaison.access.Account;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.TestService;

/** A case with a thread and a file in it, for tests of other packages (the authorization matrix). */
public final class MessageFixture {

    private MessageFixture() {
    }

    /** The ids a route test needs. */
    public record Ids(String caseId, String threadId, String attachmentId) {
    }

    /**
     * A new case of these staff in which the member starts a thread with a file. The member writes, so only the
     * family inspector gets mail: the member's later sign-ins read their codes from an undisturbed mailbox.
     */
    public static Ids threadWithFile(TestService service, People people, String reference, Account inspector,
                                     Account investigator, String memberEmail) {
        CaseFixture cases = new CaseFixture(service, people);
        String caseId = cases.open(reference, inspector, investigator);
        Account member = service.running().features().accounts().byEmail(memberEmail)
                .orElseGet(() -> people.member(memberEmail));
        cases.join(caseId, member, inspector);
        Api api = service.api().as(people.signInMember(memberEmail));
        String attachmentId = MessageCalls.uploaded(api, caseId, "brief.pdf", SampleFiles.pdf("fixture"));
        String threadId = MessageCalls.created(api.post(MessageCalls.threads(caseId), MessageCalls.json(
                "text", "Een vraag met een bijlage", "attachmentIds", List.of(attachmentId))))
                .path("thread").path("id").asText();
        return new Ids(caseId, threadId, attachmentId);
    }
}
