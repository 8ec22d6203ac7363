package nl.familyliaison.support;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Role;

/**
 * Cases as a family inspector makes them over HTTP: open one, invite members, each signed in the way a person does.
 */
public final class CaseFiles {

    private final RunningService service;

    public CaseFiles(RunningService service) {
        this.service = service;
    }

    /** A family inspector with an open case of their own. */
    public record OpenCase(People.Staff inspector, Api inspectorApi, String caseId) {
    }

    public OpenCase open(String inspectorEmail, String reference) {
        People.Staff inspector = service.people().staff(Role.FAMILY_INSPECTOR, inspectorEmail);
        Api api = service.api().as(service.people().signInStaff(inspector));
        Reply opened = api.post("/api/cases", "{\"reference\":\"" + reference
                                              + "\",\"title\":\"Onderzoek " + reference
                                              + "\",\"incidentDate\":\"2026-01-15\"}");
        if (opened.status() != 201) {
            throw new AssertionError("open case: " + opened);
        }
        return new OpenCase(inspector, api, opened.json().path("id").asText());
    }

    /** Invites a member; returns the membership. */
    public JsonNode invite(OpenCase openCase, String email, String relation) {
        Reply invited = openCase.inspectorApi().post("/api/cases/" + openCase.caseId() + "/members",
                                                     "{\"email\":\"" + email + "\",\"displayName\":\"Member "
                                                     + email.split("@")[0] + "\",\"relation\":\"" + relation + "\"}");
        if (invited.status() != 201) {
            throw new AssertionError("invite: " + invited);
        }
        return invited.json();
    }

    /** Invites a member and signs them in with the code from their mail. */
    public Api member(OpenCase openCase, String email, String relation) {
        invite(openCase, email, relation);
        return service.api().as(service.people().signInMember(email));
    }
}
