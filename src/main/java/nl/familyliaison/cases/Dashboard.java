package nl.familyliaison.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What a staff member needs to see first: their cases with phase and next-update date, promises that are overdue,
 * and member messages that have waited more than two working days for an answer.
 */
public final class Dashboard {

    static final int ANSWER_WITHIN_WORKING_DAYS = 2;

    private final CaseRepository cases;
    private final Cases rules;
    private final BiFunction<List<String>, Instant, List<WaitingThread>> waitingThreads;
    private final Clock clock;

    /**
     * @param waitingThreads threads of the given cases whose latest member message is older than the instant and not
     *                       answered by staff since
     */
    public Dashboard(CaseRepository cases, Cases rules,
                     BiFunction<List<String>, Instant, List<WaitingThread>> waitingThreads, Clock clock) {
        this.cases = cases;
        this.rules = rules;
        this.waitingThreads = waitingThreads;
        this.clock = clock;
    }

    /** A thread waiting for an answer: since when. */
    public record WaitingThread(String caseId, String threadId, Instant waitingSince) {
    }

    public record Summary(List<Investigation> cases, List<Investigation> overdueUpdates,
                          List<WaitingThread> waitingThreads) {
    }

    public Summary of(String staffAccountId) {
        List<Investigation> mine = cases.ofStaff(staffAccountId);
        List<Investigation> overdue = mine.stream().filter(found -> found.isUpdateOverdueOn(rules.today())).toList();
        Instant now = clock.instant();
        // Anything newer than two calendar days cannot have waited two working days; the rule decides the rest.
        List<WaitingThread> waiting = waitingThreads.apply(mine.stream().map(Investigation::id).toList(),
                                                           now.minus(java.time.Duration.ofDays(2))).stream()
                .filter(thread -> WorkingDays.waitedMoreThan(thread.waitingSince(), ANSWER_WITHIN_WORKING_DAYS, now))
                .toList();
        return new Summary(mine, overdue, waiting);
    }
}
