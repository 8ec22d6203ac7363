package nl.familyliaison.signin;

import static nl.familyliaison.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Members sign in with a one-time code from their mail. */
public class MemberSignInTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void aMemberSignsInWithTheCodeFromTheirMail() {
        service.people().member("anna@example.org");
        Api.Credentials credentials = service.people().signInMember("anna@example.org");
        JsonNode me = service.api().as(credentials).get("/api/session").json();
        assertEquals("MEMBER", me.path("role").asText());
        assertEquals("anna@example.org", me.path("email").asText());
        assertEquals(credentials.csrfToken(), me.path("csrfToken").asText());
    }

    @Test
    void theCodeHasEightDigitsAndTheMailNoCaseContent() {
        service.people().member("bram@example.org");
        People.CodeRequest request = service.people().requestCode("bram@example.org");
        String code = request.awaitCode();
        assertTrue(code.matches("[0-9]{8}"));
        Mailbox.Received mail = Mailbox.to("bram@example.org").getLast();
        assertEquals("Uw inlogcode", mail.subject());
        assertTrue(mail.html().contains(code));
    }

    @Test
    void theSessionCookieIsHostOnlySecureHttpOnlyAndStrict() {
        service.people().member("cato@example.org");
        People.CodeRequest request = service.people().requestCode("cato@example.org");
        Reply signedIn = service.api().post("/api/sign-in/code-checks", check(request.challengeId(),
                                                                               request.awaitCode()));
        String cookie = signedIn.headers().allValues("Set-Cookie").getFirst();
        assertTrue(cookie.startsWith("__Host-fl-session="), cookie);
        for (String attribute : List.of("Path=/", "Secure", "HttpOnly", "SameSite=Strict")) {
            assertTrue(cookie.contains(attribute), () -> attribute + " missing in " + cookie);
        }
        assertTrue(!cookie.contains("Domain="), "a __Host- cookie has no Domain");
        for (String lifetime : List.of("Max-Age", "Expires")) {
            assertFalse(cookie.toLowerCase(java.util.Locale.ROOT).contains(lifetime.toLowerCase(java.util.Locale.ROOT)),
                        () -> "the cookie dies with the browser, yet has " + lifetime + ": " + cookie);
        }
    }

    @Test
    void everySignInGivesANewToken() {
        service.people().member("dirk@example.org");
        Api.Credentials first = service.people().signInMember("dirk@example.org");
        Api.Credentials second = service.people().signInMember("dirk@example.org");
        assertNotEquals(first.sessionToken(), second.sessionToken());
        assertNotEquals(first.csrfToken(), second.csrfToken());
    }

    @Test
    void anUnknownAddressIsAnsweredExactlyLikeAKnownOne() {
        service.people().member("eva@example.org");
        Reply known = service.people().requestCode("eva@example.org").reply();
        Reply unknown = service.people().requestCode("nobody-here@example.org").reply();
        assertEquals(known.status(), unknown.status());
        assertEquals(fieldNames(known.json()), fieldNames(unknown.json()));
        assertEquals(Instant.parse(known.json().path("expiresAt").asText()),
                     Instant.parse(unknown.json().path("expiresAt").asText()));
        assertEquals(headerNames(known), headerNames(unknown));
        assertEquals(known.body().length(), unknown.body().length());
        sleep(500);
        assertTrue(Mailbox.to("nobody-here@example.org").isEmpty(), "no mail goes to an unknown address");
    }

    @Test
    void aSixthTryIsRefusedEvenWithTheRightCode() {
        service.people().member("fenna@example.org");
        People.CodeRequest request = service.people().requestCode("fenna@example.org");
        String code = request.awaitCode();
        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        for (int i = 0; i < 5; i++) {
            assertProblem(service.api().post("/api/sign-in/code-checks", check(request.challengeId(), wrong)), 401,
                          "sign-in-failed");
        }
        assertProblem(service.api().post("/api/sign-in/code-checks", check(request.challengeId(), code)), 401,
                      "sign-in-failed");
    }

    @Test
    void anExpiredCodeIsRefused() {
        service.people().member("gijs@example.org");
        People.CodeRequest request = service.people().requestCode("gijs@example.org");
        String code = request.awaitCode();
        service.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        assertProblem(service.api().post("/api/sign-in/code-checks", check(request.challengeId(), code)), 401,
                      "sign-in-failed");
    }

    @Test
    void aCodeWorksOnlyOnce() {
        service.people().member("hanna@example.org");
        People.CodeRequest request = service.people().requestCode("hanna@example.org");
        String code = request.awaitCode();
        assertEquals(200, service.api().post("/api/sign-in/code-checks", check(request.challengeId(), code)).status());
        assertProblem(service.api().post("/api/sign-in/code-checks", check(request.challengeId(), code)), 401,
                      "sign-in-failed");
    }

    @Test
    void aCodeOfOneChallengeDoesNotOpenAnother() {
        service.people().member("ivo@example.org");
        People.CodeRequest first = service.people().requestCode("ivo@example.org");
        String firstCode = first.awaitCode();
        People.CodeRequest second = service.people().requestCode("ivo@example.org");
        String secondCode = second.awaitCode();
        if (!firstCode.equals(secondCode)) {
            assertProblem(service.api().post("/api/sign-in/code-checks", check(second.challengeId(), firstCode)), 401,
                          "sign-in-failed");
        }
        assertEquals(200, service.api().post("/api/sign-in/code-checks",
                                             check(second.challengeId(), secondCode)).status());
    }

    @Test
    void badInputIsRefusedClearly() {
        assertProblem(service.api().post("/api/sign-in/code-requests", "{\"email\":\"not an address\"}"), 400,
                      "invalid-input");
        assertProblem(service.api().post("/api/sign-in/code-requests", "{}"), 400, "invalid-input");
        assertProblem(service.api().post("/api/sign-in/code-checks", "{\"challengeId\":\"x\"}"), 400,
                      "invalid-input");
    }

    public static String check(String challengeId, String code) {
        return "{\"challengeId\":\"" + challengeId + "\",\"code\":\"" + code + "\"}";
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }

    private static List<String> headerNames(Reply reply) {
        return reply.headers().map().keySet().stream().map(String::toLowerCase).sorted()
                .filter(name -> !name.equals("date")).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
