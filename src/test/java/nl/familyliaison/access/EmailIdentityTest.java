package nl.familyliaison.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import nl.familyliaison.platform.Language;
import nl.familyliaison.signin.MemberSignInTest;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import nl.familyliaison.signin.StaffAccounts;

/**
 * One address, one account, everywhere: an accent makes another address (another mailbox), while case, spaces, the
 * Unicode form and the spelling of an international domain do not.
 */
class EmailIdentityTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void anAccentedAddressIsAnotherAccount() throws InterruptedException {
        Account anna = service.people().member("anna@example.org");
        assertEquals(202, service.people().requestCode("ánna@example.org").reply().status());

        CaseFiles.OpenCase openCase = new CaseFiles(service).open("fi-accents@inspectie.example", "ACC-1");
        new CaseFiles(service).invite(openCase, "ánna@example.org", "SIBLING");
        Account invited = service.running().features().accounts().byEmail("ánna@example.org").orElseThrow();
        assertNotEquals(anna.id(), invited.id(), "the invitation made its own account");
        assertEquals(anna.id(), service.running().features().accounts().byEmail("anna@example.org").orElseThrow()
                .id());

        Thread.sleep(500);
        assertTrue(Mailbox.to("anna@example.org").isEmpty(), "nothing for ánna went to anna");
    }

    @Test
    void staffAccountsForAnAddressAndItsAccentedTwinAreTwo() {
        StaffAccounts staff = service.running().features().staffAccounts();
        String plain = staff.create("joost@inspectie.example", "Joost", Role.INVESTIGATOR, new Language("nl")).account().id();
        String accented = staff.create("jöost@inspectie.example", "Jöost", Role.INVESTIGATOR, new Language("nl")).account()
                .id();
        assertNotEquals(plain, accented);
    }

    @Test
    void anUpperCaseDomainFindsTheSameMember() {
        Account cas = service.people().member("cas@example.org");
        People.CodeRequest request = service.people().requestCode("  Cas@EXAMPLE.ORG ");
        String code = Mailbox.code(Mailbox.awaitNew("cas@example.org", People.CODE_SUBJECT, request.mailsBefore()),
                                   8);
        Reply checked = service.api().post("/api/sign-in/code-checks",
                                           MemberSignInTest.check(request.challengeId(), code));
        assertEquals(200, checked.status(), checked::toString);
        assertEquals(cas.id(), checked.json().path("accountId").asText(), checked::toString);
    }

    @Test
    void staffSignInFindsTheAccountWhateverTheSpellingOfTheDomain() {
        People.Staff dirk = service.people().staff(Role.FAMILY_INSPECTOR, "dirk@bücher.example");
        assertEquals("dirk@xn--bcher-kva.example", dirk.account().email());
        for (String spelling : new String[] {"Dirk@BÜCHER.example", " dirk@xn--BCHER-kva.example"}) {
            service.clock().advance(Duration.ofSeconds(30));
            Reply reply = service.api().post("/api/sign-in/staff", People.staffSignIn(
                    spelling, People.STAFF_PASSWORD, dirk.codeNow(service.clock())));
            assertEquals(200, reply.status(), () -> spelling + ": " + reply);
        }
    }
}
