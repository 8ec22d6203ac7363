package nl.familyliaison.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import nl.familyliaison.cases.WorkingDays;
import nl.familyliaison.platform.ProblemException;

/**
 * "How well are families kept informed?": per month (UTC) and per family inspector, the next-update promises due and
 * kept on time, the questions of members answered and the median number of working days until the first staff reply,
 * interviews held and not held, and mails to members that failed for good. Counts only, never content.
 */
final class KeptInformed {

    static final int DEFAULT_MONTHS = 12;
    static final int MAX_MONTHS = 24;

    private KeptInformed() {
    }

    /** A family inspector by id and name. */
    record Person(String id, String displayName) {
    }

    /** The figures of one month, for one family inspector or (in the totals) for all. */
    record Figures(String month, Person familyInspector, long promisesDue, long promisesKept, long questionsAnswered,
                   Double medianWorkingDays, long interviewsHeld, long interviewsNotHeld, long mailsFailed) {
    }

    /** The report: every month of the period with its totals, and a line per month and family inspector. */
    record Report(String fromMonth, String toMonth, List<Figures> months, List<Figures> inspectors) {
    }

    /** How many months, from the query; 400 for anything but 1 to {@link #MAX_MONTHS}. */
    static int months(String sent) {
        if (sent == null) {
            return DEFAULT_MONTHS;
        }
        try {
            int months = Integer.parseInt(sent);
            if (months >= 1 && months <= MAX_MONTHS) {
                return months;
            }
        } catch (NumberFormatException e) {
            // Answered below like any other value out of range.
        }
        throw ProblemException.invalid("months", "Ask for 1 to " + MAX_MONTHS + " months.");
    }

    /** The figures of the last {@code months} months up to {@code today} (UTC), read from {@code repository}. */
    static Report of(ReportRepository repository, LocalDate today, int months) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(months - 1L);
        LocalDate from = first.atDay(1);
        Tallies tallies = new Tallies();
        repository.promises(from, today).forEach(row -> tallies.add(row, (tally, it) -> {
            tally.promisesDue += it.first();
            tally.promisesKept += it.second();
        }));
        repository.interviews(from).forEach(row -> tallies.add(row, (tally, it) -> {
            tally.held += it.first();
            tally.notHeld += it.second();
        }));
        repository.failedMails(from).forEach(row -> tallies.line(row).failed += row.first());
        repository.failedMailTotals(from).forEach(row -> tallies.total(row.month()).failed += row.first());
        for (ReportRepository.Answer answer : repository.answers(from)) {
            String month = YearMonth.from(answer.askedAt().atZone(ZoneOffset.UTC)).toString();
            int days = WorkingDays.between(answer.askedAt(), answer.answeredAt());
            tallies.add(new ReportRepository.Counted(month, answer.inspectorId(), answer.inspectorName(), days, 0),
                        (tally, it) -> tally.days.add((int) it.first()));
        }
        List<Figures> totals = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            totals.add(tallies.totals.getOrDefault(month.toString(), new Tally()).figures(month.toString(), null));
        }
        List<Figures> lines = tallies.lines.entrySet().stream()
                .filter(line -> !YearMonth.parse(line.getKey().month()).isBefore(first))
                .map(line -> line.getValue().figures(line.getKey().month(), tallies.person(line.getKey())))
                .sorted(Comparator.comparing(Figures::month).thenComparing(
                        figures -> figures.familyInspector() == null ? "\uffff" : figures.familyInspector()
                                .displayName()))
                .toList();
        return new Report(first.toString(), last.toString(), totals, lines);
    }

    /** The median of whole working days; null when nothing was answered. */
    static Double median(List<Integer> days) {
        if (days.isEmpty()) {
            return null;
        }
        List<Integer> sorted = days.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private record Key(String month, String inspectorId) {
    }

    private static final class Tally {
        long promisesDue;
        long promisesKept;
        long held;
        long notHeld;
        long failed;
        final List<Integer> days = new ArrayList<>();

        Figures figures(String month, Person inspector) {
            return new Figures(month, inspector, promisesDue, promisesKept, days.size(), median(days), held, notHeld,
                               failed);
        }
    }

    /** The running tallies per month and family inspector, and per month for all of them. */
    private static final class Tallies {
        final Map<Key, Tally> lines = new LinkedHashMap<>();
        final Map<String, Tally> totals = new HashMap<>();
        final Map<String, String> names = new HashMap<>();

        void add(ReportRepository.Counted row, BiConsumer<Tally, ReportRepository.Counted> counting) {
            counting.accept(line(row), row);
            counting.accept(total(row.month()), row);
        }

        /** The tally of the row's month and family inspector only. */
        Tally line(ReportRepository.Counted row) {
            if (row.inspectorId() != null) {
                names.put(row.inspectorId(), Objects.requireNonNullElse(row.inspectorName(), ""));
            }
            return lines.computeIfAbsent(new Key(row.month(), row.inspectorId()), it -> new Tally());
        }

        /** The tally of a month for all family inspectors. */
        Tally total(String month) {
            return totals.computeIfAbsent(month, it -> new Tally());
        }

        Person person(Key key) {
            return key.inspectorId() == null ? null : new Person(key.inspectorId(), names.get(key.inspectorId()));
        }
    }
}
