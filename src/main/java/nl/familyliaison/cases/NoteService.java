package nl.familyliaison.cases;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.Instant;
import java.util.List;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Idempotency;
import nl.familyliaison.platform.Json;

/**
 * Staff-only notes on a case: its family inspector and investigators write short notes (what was agreed, what to
 * watch), so a substitute knows. Never shown to members (not in their timeline, export or access log); every read
 * and write is in the audit trail; the case's retention purge deletes them.
 */
public record NoteService(CaseNotes notes, CaseAccess access, Guards guards, Idempotency idempotency) {

    /** Audited as this object type, which no feature claims for a member's access log. */
    static final String OBJECT_TYPE = "case-note";

    public void routes(ApiRoutes routes) {
        routes.get("/api/cases/{caseId}/notes", guards.roles(Role.FAMILY_INSPECTOR, Role.INVESTIGATOR), this::list)
                .post("/api/cases/{caseId}/notes", guards.roles(Role.FAMILY_INSPECTOR, Role.INVESTIGATOR),
                      this::write);
    }

    record NewNote(String text) {
    }

    record NoteView(String id, String text, String author, Instant writtenAt) {
        static NoteView of(NoteRepository.Note note) {
            return new NoteView(note.id(), note.text(), note.authorName(), note.writtenAt());
        }
    }

    record NoteList(List<NoteView> notes) {
    }

    private void list(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_NOTES,
                                                        "case.notes.read", OBJECT_TYPE);
        response.send(new NoteList(notes.ofCase(context.caseId()).stream().map(NoteView::of).toList()));
    }

    private void write(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.WRITE_NOTES,
                                                        "case.note.write", OBJECT_TYPE);
        NewNote body = Json.read(request, NewNote.class);
        Idempotency.Answer answer = idempotency.create(
                request, context.actor().accountId(), Idempotency.fingerprint(body), Status.CREATED_201,
                claim -> notes.write(context.caseId(), context.actor().accountId(), body.text(),
                                     access.write(context, "case.note.write", OBJECT_TYPE).with(claim)),
                id -> notes.ofCase(context.caseId()).stream().filter(note -> note.id().equals(id))
                        .map(NoteView::of).findFirst().orElseThrow());
        access.replayed(context, "case.note.write", OBJECT_TYPE, answer);
        answer.send(response);
    }
}
