package nl.familyliaison.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox shows on /observe/metrics (management port): depth, oldest pending age, sent, retried, failed. */
class OutboxMetricsTest {

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void aSentMailCountsAndTheOutboxIsEmptyAfterwards() {
        double before = value("outbox_sent_total");
        service.people().member("metrics@example.org");
        service.people().signInMember("metrics@example.org");
        DeliveryTest.await(() -> value("outbox_sent_total") >= before + 1, "the code mail was counted");
        String text = metrics();
        for (String name : new String[] {"outbox_depth", "outbox_oldest_pending_seconds", "outbox_retried_total",
                                         "outbox_failed_total"}) {
            assertTrue(text.contains(name), () -> name + " missing in /observe/metrics");
        }
        DeliveryTest.await(() -> value("outbox_depth") == 0, "nothing left waiting");
        assertEquals(0, value("outbox_oldest_pending_seconds"));
    }

    private static String metrics() {
        return service.management().get("/observe/metrics", "Accept", "text/plain").body();
    }

    private static double value(String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics());
        return matcher.find() ? Double.parseDouble(matcher.group(2)) : -1;
    }
}
