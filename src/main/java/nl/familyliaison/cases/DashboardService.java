package nl.familyliaison.cases;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Language;

/** {@code GET /api/dashboard}: the staff member's cases, overdue promises and waiting messages. */
public final class DashboardService {

    private final Dashboard dashboard;
    private final PhaseRepository phases;
    private final Clock clock;
    private final Guards guards;
    private final AccessAudit audit;

    /** Builds the dashboard over the staff member's cases, what messages report waiting and the failed mail. */
    static DashboardService create(CaseRepository cases, MemberRepository members, UpdateRepository updates,
                                   PhaseRepository phases, MessageActivity messages, Outbox outbox,
                                   PhoneRepository phones, Duration followUpAfter, CoverRepository covers,
                                   Guards guards, AccessAudit audit, Clock clock) {
        return new DashboardService(new Dashboard(cases, members, updates, followUpAfter, messages, outbox, phones,
                                                  covers, clock), phases, clock, guards, audit);
    }

    DashboardService(Dashboard dashboard, PhaseRepository phases, Clock clock, Guards guards, AccessAudit audit) {
        this.dashboard = dashboard;
        this.phases = phases;
        this.clock = clock;
        this.guards = guards;
        this.audit = audit;
    }

    public void routes(ApiRoutes routes) {
        routes.get("/api/dashboard", guards.roles(Role.FAMILY_INSPECTOR, Role.INVESTIGATOR), this::show);
    }

    record DashboardView(List<CaseView> cases, List<CaseView> overdueUpdates,
                         List<Dashboard.WaitingThread> waitingThreads,
                         List<Dashboard.Unreachable> failedNotifications, List<Dashboard.Unread> unreadUpdates) {
    }

    private void show(ServerRequest request, ServerResponse response) {
        Actor actor = Authentication.actor(request);
        Dashboard.Summary summary = dashboard.of(actor.accountId(), actor.role() == Role.FAMILY_INSPECTOR);
        // It shows members of many cases at once (who has not read, whose mail failed): a read like any other.
        audit.record(actor.caller(), actor.account(), "dashboard.read", "dashboard", null,
                     AccessAudit.Result.SUCCEEDED);
        Language language = Language.of(request);
        response.send(new DashboardView(views(summary.cases(), language), views(summary.overdueUpdates(), language),
                                        summary.waitingThreads(), summary.failedNotifications(),
                                        summary.unreadUpdates()));
    }

    private List<CaseView> views(List<Investigation> cases, Language language) {
        return cases.stream()
                .map(found -> CaseView.of(found, phases.titleOf(found.phase(), language), Cases.today(clock)))
                .toList();
    }
}
