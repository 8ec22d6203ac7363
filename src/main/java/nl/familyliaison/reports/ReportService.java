package nl.familyliaison.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.AccessAudit;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.notify.FailedMail;
import nl.familyliaison.notify.Outbox;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Caller;

/**
 * Administrators' reports: how well families are kept informed (JSON and CSV), and the mails that failed for good.
 * Counts, dates, categories and roles only — no case content. Every look is in the audit trail.
 */
public record ReportService(ReportRepository repository, Outbox outbox, Guards guards, AccessAudit audit, Clock clock) {

    public void routes(ApiRoutes routes) {
        routes.get("/api/admin/figures", guards.roles(Role.ADMIN), this::figures)
                .get("/api/admin/figures.csv", guards.roles(Role.ADMIN), this::figuresCsv)
                .get("/api/admin/failed-mails", guards.roles(Role.ADMIN), this::failedMails);
    }

    record FailedMails(List<FailedMail> mails) {
    }

    private void figures(ServerRequest request, ServerResponse response) {
        response.send(report(request, "report.kept-informed"));
    }

    private void figuresCsv(ServerRequest request, ServerResponse response) {
        String csv = FiguresCsv.of(report(request, "report.kept-informed.csv"));
        response.headers().set(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8");
        response.headers().set(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"kept-informed.csv\"");
        response.send(csv);
    }

    private KeptInformed.Report report(ServerRequest request, String what) {
        int months = KeptInformed.months(request.query().first("months").asOptional().orElse(null));
        KeptInformed.Report report = KeptInformed.of(repository, LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                                                     months);
        audit.record(Caller.of(request), Authentication.actor(request).account(), what, "report", null,
                     AccessAudit.Result.SUCCEEDED);
        return report;
    }

    private void failedMails(ServerRequest request, ServerResponse response) {
        List<FailedMail> mails = outbox.failedForGood();
        audit.record(Caller.of(request), Authentication.actor(request).account(), "mail.failed.list", "mail", null,
                     AccessAudit.Result.SUCCEEDED);
        response.send(new FailedMails(mails));
    }
}
