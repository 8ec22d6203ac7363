package nl.familyliaison.providers;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.IdentityProvider;
import nl.familyliaison.support.OidcSignIns;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With DigiD required for members, the emailed code only serves to link DigiD: such a session reaches its own
 * session, sign-out and the start of linking, and no case content. The family inspector sees whether a member linked
 * DigiD and undoes the link on request; the member then links again after a code sign-in.
 */
class DigidRequiredTest {

    @RegisterExtension
    static final IdentityProvider PROVIDER = IdentityProvider.start();

    @RegisterExtension
    static final TestService service = TestService.perClass(
            settings -> PROVIDER.configure(settings).set("oidc.members.required", "true"));

    private final OidcSignIns signIns = new OidcSignIns(service);
    private final CaseFiles cases = new CaseFiles(service);

    @Test
    void theEmailedCodeAloneReachesNoCaseContentButDigidDoes() {
        CaseFiles.Cast cast = cases.cast("required");
        cases.join(cast, "required-member@example.org");
        Api.Credentials code = service.people().signInMember("required-member@example.org");
        Api codeApi = service.api().as(code);
        assertTrue(People.whoAmI(codeApi).path("linkOnly").asBoolean());
        assertProblem(codeApi.get("/api/cases"), 403, "sign-in-link-needed");
        assertProblem(codeApi.get("/api/cases/" + cast.caseId()), 403, "sign-in-link-needed");
        assertEquals(200, codeApi.get("/api/sessions").status(), "its own sessions are no case content");
        assertTrue(service.api().get("/api/sign-in/methods").json().path("digidRequired").asBoolean());

        PROVIDER.nextDigid("900000101");
        Reply linked = signIns.signIn("digid", "link", code);
        assertEquals(200, linked.status(), linked::toString);
        Api digid = service.api().as(People.credentials(linked));
        assertEquals(false, People.whoAmI(digid).path("linkOnly").asBoolean());
        assertEquals(200, digid.get("/api/cases").status());
        assertEquals(200, digid.get("/api/cases/" + cast.caseId()).status());
        assertEquals(401, codeApi.get("/api/session").status(), "linking replaced the code's session");
    }

    @Test
    void theFamilyInspectorSeesAndUndoesALinkAndTheMemberLinksAgain() {
        CaseFiles.Cast cast = cases.cast("unlink");
        String memberId = cases.join(cast, "unlink-member@example.org");
        String link = "/api/cases/" + cast.caseId() + "/members/" + memberId + "/digid-link";
        assertEquals(false, cast.inspectorApi().get(link).json().path("linked").asBoolean());
        PROVIDER.nextDigid("900000102");
        assertEquals(200, signIns.signIn("digid", "link",
                                         service.people().signInMember("unlink-member@example.org")).status());
        assertEquals(true, cast.inspectorApi().get(link).json().path("linked").asBoolean());
        assertEquals(404, cast.investigatorApi().get(link).status());

        assertEquals(204, cast.inspectorApi().delete(link).status());
        assertEquals(1, signIns.audited("case.members.digid-unlink", memberId, "ALLOWED"));
        assertEquals(204, cast.inspectorApi().delete(link).status());
        assertEquals(1, signIns.audited("case.members.digid-unlink", memberId, "ALLOWED"), "nothing more to undo");
        PROVIDER.nextDigid("900000102");
        assertProblem(signIns.signIn("digid", "sign-in", null), 401, "sign-in-not-linked");

        PROVIDER.nextDigid("900000103");
        assertEquals(200, signIns.signIn("digid", "link",
                                         service.people().signInMember("unlink-member@example.org")).status());
        PROVIDER.nextDigid("900000103");
        assertEquals(200, signIns.signIn("digid", "sign-in", null).status());
    }

    @Test
    void staffCannotStartLinking() {
        CaseFiles.Cast cast = cases.cast("staff-link");
        assertProblem(cast.inspectorApi().post("/api/sign-in/oidc/digid", "{\"purpose\":\"link\"}"), 404,
                      "not-found");
    }

    @Test
    void aLinkedMemberCannotSwapInAnotherDigidWithTheCode() {
        CaseFiles.Cast cast = cases.cast("swap");
        cases.join(cast, "swap-member@example.org");
        PROVIDER.nextDigid("900000104");
        assertEquals(200, signIns.signIn("digid", "link",
                                         service.people().signInMember("swap-member@example.org")).status());
        PROVIDER.nextDigid("900000105");
        assertProblem(signIns.signIn("digid", "link", service.people().signInMember("swap-member@example.org")), 409,
                      "conflict");
    }
}
