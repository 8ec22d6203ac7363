package nl.familyliaison.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import nl.familyliaison.audit.WriteEvent;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;

/**
 * Closing a case: the family inspector's closing update goes on the timeline for every member (in the aftercare
 * phase), and the case closes in the same transaction. Members keep reading and writing messages for the aftercare
 * period; from then on the case answers them 404, and the retention job later purges its content.
 */
public final class Closing {

    static final String AFTERCARE_PHASE = "aftercare";

    private final Timeline timeline;
    private final CaseRepository cases;
    private final Clock clock;
    private final Duration aftercare;

    public Closing(Timeline timeline, CaseRepository cases, Clock clock, Duration aftercare) {
        if (aftercare.isNegative()) {
            throw new IllegalStateException("cases.aftercare-period must not be negative");
        }
        this.timeline = timeline;
        this.cases = cases;
        this.clock = clock;
        this.aftercare = aftercare;
    }

    /**
     * Posts the closing update and closes the case; {@code audited} (about the case) is appended in the same
     * transaction.
     *
     * @throws ProblemException 409 when the case is closed already, 400 for a missing or too long text
     */
    public void close(Investigation investigation, String authorId, String text, List<String> knownPhases,
                      LocalDate today, WriteEvent audited) {
        if (investigation.status() == Investigation.Status.CLOSED) {
            throw new ProblemException(ProblemType.CONFLICT, "This case is closed already.");
        }
        java.time.Instant now = clock.instant();
        timeline.post(investigation, authorId, text, AFTERCARE_PHASE, null, knownPhases, today, tx -> {
            if (!cases.in(tx).close(investigation.id(), now, now.plus(aftercare))) {
                throw new ProblemException(ProblemType.CONFLICT, "This case is closed already.");
            }
            audited.append(tx, investigation.id());
        }, WriteEvent.NONE);
    }
}
