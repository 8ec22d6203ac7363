package nl.familyliaison.web;

import java.time.Duration;

import nl.familyliaison.access.Role;
import nl.familyliaison.support.Admins;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;

/**
 * The staff of one case, made over the API (one administrator asks to assign the family inspector and an
 * investigator, a second one approves),
 * and signing in through the web client the way people do.
 */
record Team(TestService service, People.Staff inspector, People.Staff investigator, Api inspectorApi,
            String caseId, String reference) {

    static Team open(TestService service, String label) {
        People people = service.people();
        People.Staff inspector = people.staff(Role.FAMILY_INSPECTOR, label + "-fi@inspectie.example");
        People.Staff investigator = people.staff(Role.INVESTIGATOR, label + "-inv@inspectie.example");
        Api inspectorApi = service.api().as(people.signInStaff(inspector));
        String reference = "2026-" + label;
        Reply opened = inspectorApi.post("/api/cases", "{\"reference\":\"" + reference + "\",\"title\":"
                                                       + "\"Onderzoek brand Noord\",\"incidentDate\":\"2026-01-15\"}");
        expect(201, opened);
        String caseId = opened.json().path("id").asText();
        Admins.create(service, label).assignStaff(caseId, inspector.account().id(),
                                                  java.util.List.of(investigator.account().id()));
        return new Team(service, inspector, investigator, inspectorApi, caseId, reference);
    }

    /** A fresh API session of the family inspector (an old one may have gone idle while the clock moved on). */
    Api inspectorNow() {
        return service.api().as(service.people().signInStaff(inspector));
    }

    Api investigatorNow() {
        return service.api().as(service.people().signInStaff(investigator));
    }

    /** Invites a member over the API; answers the membership id. */
    String invite(String email, String name) {
        Reply invited = inspectorNow().post("/api/cases/" + caseId + "/members", "{\"email\":\"" + email
                                            + "\",\"displayName\":\"" + name + "\",\"relation\":\"PARENT\"}");
        expect(201, invited);
        return invited.json().path("id").asText();
    }

    /** Staff sign-in in the browser: password and the authenticator code of the next 30-second step. */
    void signIn(Client client, People.Staff staff) {
        service.clock().advance(Duration.ofSeconds(30));
        client.open("staff/sign-in")
                .fill("staffSignIn.submit", "email", staff.account().email())
                .fill("staffSignIn.submit", "password", People.STAFF_PASSWORD)
                .fill("staffSignIn.submit", "code", staff.codeNow(service.clock()))
                .submit("staffSignIn.submit");
    }

    /** Member sign-in in the browser with the code from the mail; {@code atStep} sees "sign-in" and "sign-in-code". */
    static void signInMember(Client client, String email, java.util.function.Consumer<String> atStep) {
        int before = Mailbox.to(email, People.CODE_SUBJECT).size();
        client.open("sign-in");
        atStep.accept("sign-in");
        client.fill("signIn.sendCode", "email", email).submit("signIn.sendCode");
        atStep.accept("sign-in-code");
        String code = Mailbox.code(Mailbox.awaitNew(email, People.CODE_SUBJECT, before), 8);
        client.fill("signIn.check", "code", code).submit("signIn.check");
    }

    static void signOut(Client client) {
        client.click(org.openqa.selenium.By.id("sign-out"));
    }

    /** Starts from the start page, signed out. */
    static void startSignedOut(Client client) {
        client.open("");
        if (!client.driver().findElements(org.openqa.selenium.By.id("sign-out")).isEmpty()) {
            signOut(client);
        }
    }

    private static void expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + ": " + reply);
        }
    }
}
