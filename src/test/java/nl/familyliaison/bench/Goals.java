package nl.familyliaison.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The speed goals (issue 19's table), each with the figure this run measured and whether it is met. A goal whose
 * rows were not measured (--only) says so instead.
 */
final class Goals {

    /** What the goals are judged on besides the rows. */
    record Figures(List<LoadRun.Result> rows, LoadRun.Result smallR1, LoadRun.Result smallR3,
                   double startEmptySeconds, double startSeededSeconds, long maxRssKb, Notifications.Burst mail) {
    }

    private final Figures figures;
    private final List<String> lines = new ArrayList<>();

    private Goals(Figures figures) {
        this.figures = figures;
    }

    static List<String> judge(Figures figures) {
        Goals goals = new Goals(figures);
        goals.all();
        return goals.lines;
    }

    private void all() {
        lines.add("goals (met / NOT met):");
        for (int clients : new int[] {16, 64}) {
            ratio("p0 >= 0.7 x pb", "p0", "pb", clients, 0.7);
            ratio("r1 >= 0.5 x p1", "r1", "p1", clients, 0.5);
            ratio("r2 >= 0.3 x p2", "r2", "p2", clients, 0.3);
        }
        rate("r1 >= 3000 req/s at 16 clients", "r1", 16, 3000);
        p99("r1 p99 <= 50 ms at 64 clients", "r1", 64, 50);
        p99("r2 p99 <= 100 ms at 64 clients", "r2", 64, 100);
        rate("r3 >= 1000 req/s at 16 clients", "r3", 16, 1000);
        rate("r3 >= 1000 req/s at 64 clients", "r3", 64, 1000);
        p99("r3 p99 <= 100 ms at 64 clients", "r3", 64, 100);
        if (figures.mail() == null) {
            unmeasured("mail burst of 2000: p95 event-to-hand-over <= 2 s");
        } else {
            judged("mail burst of 2000: p95 event-to-hand-over <= 2 s",
                   String.format("%.2f s", figures.mail().p95Seconds()), figures.mail().p95Seconds() <= 2);
        }
        growth("r1", figures.smallR1());
        growth("r3", figures.smallR3());
        double start = Math.max(figures.startEmptySeconds(), figures.startSeededSeconds());
        judged("start-to-ready <= 1.5 s (external database, slower of the two starts)",
               String.format("%.2f s / %.2f s", figures.startEmptySeconds(), figures.startSeededSeconds()),
               start <= 1.5);
        judged("service RSS <= 200 MB under load", figures.maxRssKb() / 1024 + " MB",
               figures.maxRssKb() <= 200 * 1024);
    }

    private void ratio(String goal, String route, String peer, int clients, double at) {
        Optional<LoadRun.Result> real = find(route, clients);
        Optional<LoadRun.Result> floor = find(peer, clients);
        String name = goal + " at " + clients + " clients";
        if (real.isEmpty() || floor.isEmpty()) {
            unmeasured(name);
            return;
        }
        double measured = real.get().perSecond() / floor.get().perSecond();
        judged(name, String.format("%.2f (%.0f vs %.0f req/s)", measured, real.get().perSecond(),
                                   floor.get().perSecond()), measured >= at);
    }

    private void rate(String goal, String route, int clients, double atLeast) {
        find(route, clients).ifPresentOrElse(
                row -> judged(goal, String.format("%.0f req/s", row.perSecond()), row.perSecond() >= atLeast),
                () -> unmeasured(goal));
    }

    private void p99(String goal, String route, int clients, double atMost) {
        find(route, clients).ifPresentOrElse(
                row -> judged(goal, String.format("%.2f ms", row.p99Millis()), row.p99Millis() <= atMost),
                () -> unmeasured(goal));
    }

    private void growth(String route, LoadRun.Result small) {
        String goal = route + " p50 at 16 clients, seeded <= 1.2 x small";
        Optional<LoadRun.Result> large = find(route, 16);
        if (small == null || large.isEmpty()) {
            unmeasured(goal);
            return;
        }
        double times = large.get().p50Millis() / small.p50Millis();
        judged(goal, String.format("%.2f x (%.2f ms vs %.2f ms)", times, large.get().p50Millis(),
                                   small.p50Millis()), times <= 1.2);
    }

    private Optional<LoadRun.Result> find(String route, int clients) {
        return figures.rows().stream().filter(r -> r.name().startsWith(route) && r.clients() == clients)
                .findFirst();
    }

    private void judged(String goal, String measured, boolean met) {
        lines.add(String.format("  %-70s %-34s %s", goal, measured, met ? "met" : "NOT met"));
    }

    private void unmeasured(String goal) {
        lines.add(String.format("  %-70s %-34s %s", goal, "-", "not measured"));
    }
}
