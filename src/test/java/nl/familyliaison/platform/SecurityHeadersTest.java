package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import nl.familyliaison.support.Api;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The security headers are on every answer: API, errors, static files, the contract, health. */
class SecurityHeadersTest {

    private static TestService service;
    private static TestService behindProxy;
    private static TestService behindOtherProxy;

    @BeforeAll
    static void start() {
        service = TestService.builder()
                .routes(routes -> routes.get("/api/fixture/crash", ApiRoutes.PUBLIC, (req, res) -> {
                    throw new IllegalStateException("boom");
                }))
                .start();
        behindProxy = TestService.builder().set("http.trusted-proxies", "10.0.0.0/8, 127.0.0.1, ::1").start();
        behindOtherProxy = TestService.builder().set("http.trusted-proxies", "10.0.0.0/8").start();
    }

    @AfterAll
    static void stop() {
        service.close();
        behindProxy.close();
        behindOtherProxy.close();
    }

    @Test
    void everyKindOfAnswerCarriesTheHeaders() {
        Api api = service.api().unchecked();
        List<Function<Api, Reply>> requests = List.of(
                it -> it.get("/api/phases"),
                it -> it.get("/api/phases?lang=xx"),
                it -> it.get("/api/unknown"),
                it -> it.send("PUT", "/api/phases", null, null),
                it -> it.get("/api/fixture/crash"),
                it -> it.get("/"),
                it -> it.get("/app.js"),
                it -> it.get("/app.css"),
                it -> it.get("/openapi"),
                it -> it.get("/observe/health"),
                it -> it.get("/observe/metrics"),
                it -> it.get("/observe/health/ready"));
        for (Function<Api, Reply> request : requests) {
            Reply reply = request.apply(api);
            String csp = reply.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'")
                       && !csp.contains("unsafe-inline"), () -> "CSP on " + reply);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
            assertEquals("no-referrer", reply.header("Referrer-Policy"), reply::toString);
            assertEquals("DENY", reply.header("X-Frame-Options"), reply::toString);
            assertTrue(reply.header("X-Request-Id").matches("[0-9a-f]{24}"), reply::toString);
            assertNull(reply.header("Strict-Transport-Security"), "no HSTS over plain HTTP without a proxy");
        }
    }

    @Test
    void apiAnswersAndErrorsAreNeverCached() {
        Api api = service.api().unchecked();
        for (Reply reply : List.of(api.get("/api/phases"), api.get("/api/unknown"), api.get("/api/fixture/crash"),
                                   api.get("/api/phases?lang=xx"))) {
            assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
        }
    }

    @Test
    void hstsIsSentWhenATrustedProxySaysTheRequestCameOverTls() {
        Api api = behindProxy.api();
        assertTrue(api.get("/api/phases", "X-Forwarded-Proto", "https").header("Strict-Transport-Security")
                           .startsWith("max-age="));
        assertNull(api.get("/api/phases").header("Strict-Transport-Security"));
        assertNull(service.api().get("/api/phases", "X-Forwarded-Proto", "https")
                           .header("Strict-Transport-Security"), "an untrusted proxy header is ignored");
    }

    @Test
    void aForwardedSchemeFromAPeerOutsideTheTrustedNetworksIsIgnored() {
        assertNull(behindOtherProxy.api().get("/api/phases", "X-Forwarded-Proto", "https")
                           .header("Strict-Transport-Security"), "127.0.0.1 is not in 10.0.0.0/8");
    }

    @Test
    void theOldOnOffSettingStopsTheStartInsteadOfBeingIgnored() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> TestService.builder()
                .set("http.trust-proxy", "true").start());
        assertTrue(failure.getMessage().contains("http.trusted-proxies"), failure.getMessage());
    }
}
