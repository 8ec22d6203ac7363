package nl.familyliaison.support;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.Role;

/**
 * Cases as staff make them over HTTP: a family inspector opens one and invites members, two administrators assign
 * its investigator, each person signed in the way a person does.
 */
public final class CaseFiles {

    private final TestService service;

    /** Also for a test class's service, which starts only after the class's fields are set. */
    public CaseFiles(TestService service) {
        this.service = service;
    }

    /** A family inspector with an open case of their own. */
    public record OpenCase(People.Staff inspector, Api inspectorApi, String caseId) {
    }

    /** The people of one case: its family inspector and investigator, both signed in. */
    public record Cast(String caseId, People.Staff inspector, Api inspectorApi, People.Staff investigator,
                       Api investigatorApi) {

        public OpenCase file() {
            return new OpenCase(inspector, inspectorApi, caseId);
        }
    }

    /** A member of a case, signed in. */
    public record Member(Account account, String membershipId, Api api) {
    }

    public OpenCase open(String inspectorEmail, String reference) {
        People.Staff inspector = service.people().staff(Role.FAMILY_INSPECTOR, inspectorEmail);
        return open(inspector, service.api().as(service.people().signInStaff(inspector)), reference);
    }

    /** A new case with a family inspector and an investigator of its own; {@code label} keeps addresses apart. */
    public Cast cast(String label) {
        return cast(service.people().staff(Role.FAMILY_INSPECTOR, label + "-fi@inspectie.example"),
                    service.people().staff(Role.INVESTIGATOR, label + "-inv@inspectie.example"), label);
    }

    /** A new case of these staff, its investigator assigned by two administrators named after the reference. */
    public Cast cast(People.Staff inspector, People.Staff investigator, String reference) {
        OpenCase opened = open(inspector, service.api().as(service.people().signInStaff(inspector)), reference);
        assignStaff(opened.caseId(), inspector, investigator, reference);
        return new Cast(opened.caseId(), inspector, opened.inspectorApi(), investigator,
                        service.api().as(service.people().signInStaff(investigator)));
    }

    /** Another case of the cast's family inspector and investigator. */
    public Cast another(Cast cast, String reference) {
        OpenCase opened = open(cast.inspector(), cast.inspectorApi(), reference);
        assignStaff(opened.caseId(), cast.inspector(), cast.investigator(), reference);
        return new Cast(opened.caseId(), cast.inspector(), cast.inspectorApi(), cast.investigator(),
                        cast.investigatorApi());
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

    /** A new member of the cast's case, invited as a parent ({@code name}@example.org) and signed in. */
    public Member member(Cast cast, String name) {
        String email = name + "@example.org";
        String membershipId = join(cast, email);
        Account account = service.running().features().accounts().byEmail(email).orElseThrow();
        return new Member(account, membershipId, service.api().as(service.people().signInMember(email)));
    }

    /** Invites someone (new or already known) to the cast's case as a parent; returns the membership id. */
    public String join(Cast cast, String email) {
        return invite(cast.file(), email, "PARENT").path("id").asText();
    }

    private OpenCase open(People.Staff inspector, Api inspectorApi, String reference) {
        Reply opened = inspectorApi.post("/api/cases", "{\"reference\":\"" + reference
                                                       + "\",\"title\":\"Onderzoek " + reference
                                                       + "\",\"incidentDate\":\"2026-01-15\"}");
        if (opened.status() != 201) {
            throw new AssertionError("open case: " + opened);
        }
        return new OpenCase(inspector, inspectorApi, opened.json().path("id").asText());
    }

    private void assignStaff(String caseId, People.Staff inspector, People.Staff investigator, String reference) {
        Admins.create(service, reference.toLowerCase(Locale.ROOT))
                .assignStaff(caseId, inspector.account().id(), List.of(investigator.account().id()));
    }
}
