package nl.familyliaison.passkeys;

import static nl.familyliaison.passkeys.PasskeyApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Passkey sign-in is limited per IP (rate-limits.passkey-sign-in-ip): options and answers count together. */
class PasskeySignInLimitTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(
            builder -> builder.set("rate-limits.passkey-sign-in-ip.capacity", "3"));

    @Test
    void pastTheLimitPasskeySignInIsRefusedWithRetryAfter() {
        assertEquals(200, service.api().post("/api/sign-in/passkey-options", "{}").status());
        assertEquals(200, service.api().post("/api/sign-in/passkey-options", "{}").status());
        String answer = "{\"challengeId\":\"00000000-0000-4000-8000-000000000000\",\"credential\":{\"id\":\"AA\","
                        + "\"clientDataJSON\":\"AA\",\"authenticatorData\":\"AA\",\"signature\":\"AA\"}}";
        assertProblem(service.api().post("/api/sign-in/passkey", answer), 401, "sign-in-failed");
        nl.familyliaison.support.Reply limited = service.api().post("/api/sign-in/passkey-options", "{}");
        assertProblem(limited, 429, "rate-limited");
        org.junit.jupiter.api.Assertions.assertNotNull(limited.header("Retry-After"));
        assertProblem(service.api().post("/api/sign-in/passkey", answer), 429, "rate-limited");
    }
}
