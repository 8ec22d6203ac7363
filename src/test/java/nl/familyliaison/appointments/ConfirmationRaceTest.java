package nl.familyliaison.appointments;

import static nl.familyliaison.appointments.Scheduler.confirm;
import static nl.familyliaison.appointments.Scheduler.hourLong;
import static nl.familyliaison.appointments.Scheduler.local;
import static nl.familyliaison.appointments.Scheduler.proposal;
import static nl.familyliaison.appointments.Scheduler.proposed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.CaseFiles.Member;
import nl.familyliaison.support.Problems;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many confirmations at once that would put one investigator in overlapping interviews: exactly one wins. */
class ConfirmationRaceTest {

    private static final int RACERS = 8;

    @RegisterExtension
    static final TestService service = TestService.perClass(settings -> settings);

    private final Scheduler scheduler = new Scheduler(service);
    private final Tables tables = new Tables(service);

    @RepeatedTest(3)
    void ofOverlappingConfirmationsForOneInvestigatorExactlyOneSucceeds() throws Exception {
        Cast cast = scheduler.cases().cast("race-" + System.nanoTime());
        Member member = scheduler.cases().member(cast, "race-member-" + System.nanoTime());
        List<JsonNode> offers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            // Hour-long, each starting 5 minutes after the one before: every pair overlaps by at least 25 minutes.
            String start = local("2026-05-04T10:00").plusSeconds(300L * i).atZone(Scheduler.AMSTERDAM)
                    .toLocalDateTime().toString();
            offers.add(proposed(cast.investigatorApi(), cast.caseId(), proposal(hourLong(start),
                                                                                member.membershipId())));
        }
        long appointmentsBefore = tables.count("appointment");

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService racers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (JsonNode offer : offers) {
                replies.add(racers.submit(() -> {
                    start.await();
                    return confirm(cast.investigatorApi(), offer.path("id").asText(),
                                   offer.path("slots").get(0).path("id").asText());
                }));
            }
            start.countDown();
        }
        int won = 0;
        for (Future<Reply> reply : replies) {
            if (reply.get().status() == 201) {
                won++;
            } else {
                Problems.assertProblem(reply.get(), 409, "conflict");
            }
        }
        assertEquals(1, won, "exactly one confirmation wins");
        assertEquals(appointmentsBefore + 1, tables.count("appointment"));
        assertEquals(1, tables.count("appointment_staff", "account_id = ? AND active = TRUE",
                                     cast.investigator().account().id()));
        assertEquals(RACERS - 1, tables.count("interview_proposal", "investigation_id = ? AND status = 'OPEN'",
                                              cast.caseId()), "the losers' proposals stay open");
    }
}
