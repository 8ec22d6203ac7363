package nl.familyliaison.messages;

import java.util.List;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
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
    public static Ids threadWithFile(TestService service, String reference, People.Staff inspector,
                                     People.Staff investigator, String memberEmail) {
        CaseFiles cases = new CaseFiles(service);
        CaseFiles.Cast cast = cases.cast(inspector, investigator, reference);
        cases.join(cast, memberEmail);
        Api api = service.api().as(service.people().signInMember(memberEmail));
        String attachmentId = MessageCalls.uploaded(api, cast.caseId(), "brief.pdf", SampleFiles.pdf("fixture"));
        String threadId = MessageCalls.created(api.post(MessageCalls.threads(cast.caseId()), MessageCalls.json(
                "text", "Een vraag met een bijlage", "attachmentIds", List.of(attachmentId))))
                .path("thread").path("id").asText();
        return new Ids(cast.caseId(), threadId, attachmentId);
    }
}
