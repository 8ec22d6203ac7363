package nl.familyliaison.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Account;
import nl.familyliaison.access.AccountRepository;
import nl.familyliaison.access.Role;
import nl.familyliaison.notify.Mail;
import nl.familyliaison.notify.MailTemplate;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.platform.ProblemException;
import nl.familyliaison.platform.ProblemType;
import nl.familyliaison.platform.Transactions;

/**
 * Absence cover: while a family inspector is away (ill, on leave), a substitute family inspector acts on their cases
 * from one date until another, both included. The one authorization decision lets the substitute in on those dates
 * only (checked on every request against today's date, so a cover ends by itself); mails to the family inspector of
 * those cases go to the substitute meanwhile. A family inspector names their own substitute; an administrator names
 * one for any family inspector (who may be too ill to do it), which a second administrator approves first (four
 * eyes: a substitute reaches case content). Both get a mail that there is a change.
 */
public record Covers(CoverRepository covers, AccountRepository accounts, Outbox outbox, Transactions transactions, Clock clock) {

    /** The longest cover at once; a longer absence is covered again (or the case gets another family inspector). */
    static final int MAX_DAYS = 366;

    /** What the family inspector or administrator asks for. */
    public record NewCover(String absentId, String substituteId, LocalDate from, LocalDate until) {
    }

    /** A cover as checked for whoever asks: the person away, the family inspector standing in, the period. */
    public record Checked(String absentId, Account substitute, LocalDate from, LocalDate until) {
    }

    /**
     * Checks a cover {@code actor} asks for (400 when it makes no sense); an administrator's then waits for a second
     * administrator, since a substitute reaches case content.
     */
    public Checked check(Account actor, NewCover request) {
        String absentId = absent(actor, request.absentId());
        Account substitute = familyInspector(request.substituteId(), "substituteId");
        if (substitute.id().equals(absentId)) {
            throw ProblemException.invalid("substituteId", "Choose someone else than the person who is away.");
        }
        checkPeriod(request.from(), request.until(), Cases.today(clock));
        return new Checked(absentId, substitute, request.from(), request.until());
    }

    /** A family inspector names their own substitute; returns the cover's id. {@code audited} joins its transaction. */
    public String name(Account actor, NewCover request, AccessAudit.Written audited) {
        Checked checked = check(actor, request);
        String id = transactions.inTransaction(tx -> {
            String coverId = nameIn(tx, actor.id(), checked);
            audited.append(tx, coverId);
            return coverId;
        });
        outbox.afterCommit();
        return id;
    }

    /**
     * Stores a checked cover named by {@code createdBy} in {@code tx} and tells both people; 409 when either is
     * covered already then. The caller hands the mails over after commit.
     */
    public String nameIn(io.helidon.dbclient.DbExecute tx, String createdBy, Checked checked) {
        CoverRepository repository = covers.in(tx);
        // Both people, in one order: a cover for either waits here, so none slips past the checks below.
        java.util.stream.Stream.of(checked.absentId(), checked.substitute().id()).sorted().forEach(repository::lock);
        if (repository.awayBetween(checked.absentId(), checked.from(), checked.until())) {
            throw new ProblemException(ProblemType.CONFLICT, "Someone already stands in for this person then.");
        }
        if (repository.awayBetween(checked.substitute().id(), checked.from(), checked.until())) {
            throw new ProblemException(ProblemType.CONFLICT, "The substitute is away themselves then.");
        }
        String coverId = Ids.newId();
        repository.insert(new CoverRepository.Cover(coverId, checked.absentId(), null, checked.substitute().id(),
                                                    null, null, checked.from(), checked.until(), createdBy),
                          clock.instant());
        tell(tx, coverId, checked.substitute());
        if (!checked.absentId().equals(createdBy)) {
            tell(tx, coverId, accounts.in(tx).byId(checked.absentId()).orElseThrow());
        }
        return coverId;
    }

    /** The covers the person sees: a family inspector theirs (away or standing in), an administrator all. */
    public List<CoverRepository.Cover> current(Account actor) {
        return covers.current(actor.role() == Role.ADMIN ? Optional.empty() : Optional.of(actor.id()),
                              Cases.today(clock));
    }

    public Optional<CoverRepository.Cover> byId(String id) {
        return Ids.isId(id) ? covers.byId(id) : Optional.empty();
    }

    /** Active family inspectors who may stand in. */
    public List<CoverRepository.Substitute> substitutes() {
        return covers.substitutes();
    }

    /**
     * Ends a cover before its last day: the person away, whoever named it, or an administrator; 404 for anyone else
     * and for a cover that already ended.
     */
    public void end(Account actor, String coverId, AccessAudit.Written audited) {
        CoverRepository.Cover cover = byId(coverId).filter(found -> mayEnd(actor, found))
                .orElseThrow(ProblemException::notFound);
        transactions.inTransaction(tx -> {
            if (!covers.in(tx).end(cover.id(), clock.instant())) {
                throw ProblemException.notFound();
            }
            audited.append(tx, cover.id());
            return null;
        });
    }

    /** Whether the person may see (and end) this cover. */
    public static boolean mayEnd(Account actor, CoverRepository.Cover cover) {
        return actor.role() == Role.ADMIN || actor.id().equals(cover.absentId())
               || actor.id().equals(cover.createdBy());
    }

    private String absent(Account actor, String absentId) {
        if (actor.role() == Role.FAMILY_INSPECTOR) {
            if (absentId != null && !absentId.equals(actor.id())) {
                throw ProblemException.invalid("absentId", "You name a substitute for yourself; an administrator "
                                                           + "does it for a colleague.");
            }
            return actor.id();
        }
        return familyInspector(absentId, "absentId").id();
    }

    private Account familyInspector(String accountId, String field) {
        return (Ids.isId(accountId) ? accounts.byId(accountId) : Optional.<Account>empty())
                .filter(account -> account.role() == Role.FAMILY_INSPECTOR)
                .filter(account -> account.status() == Account.Status.ACTIVE)
                .orElseThrow(() -> ProblemException.invalid(field, "Choose an active family inspector."));
    }

    private static void checkPeriod(LocalDate from, LocalDate until, LocalDate today) {
        if (from == null || from.isAfter(today.plusDays(MAX_DAYS))) {
            throw ProblemException.invalid("from", "Choose the first day, at most a year ahead.");
        }
        if (until == null || until.isBefore(from) || until.isBefore(today)
            || until.isAfter(from.plusDays(MAX_DAYS - 1))) {
            throw ProblemException.invalid("until", "Choose the last day: not before the first day or today, and "
                                                    + "at most a year after the first.");
        }
    }

    private void tell(io.helidon.dbclient.DbExecute tx, String coverId, Account account) {
        outbox.enqueue(tx, new Mail("absence-cover:" + coverId, account.id(), account.email(),
                                    MailTemplate.CASE_STAFF_CHANGED, account.language(), Map.of(),
                                    Mail.Priority.NORMAL));
    }
}
