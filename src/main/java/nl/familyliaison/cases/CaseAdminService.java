package nl.familyliaison.cases;

import static nl.familyliaison.platform.PathIds.caseId;

import java.time.LocalDate;
import java.util.List;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.familyliaison.access.Actor;
import nl.familyliaison.access.Authentication;
import nl.familyliaison.access.Authorization.CaseAction;
import nl.familyliaison.access.Guards;
import nl.familyliaison.access.Role;
import nl.familyliaison.platform.ApiRoutes;
import nl.familyliaison.platform.Language;

/**
 * Cases as administrators see them: reference, status, phase, family inspector and next-update date — never the title,
 * members or anything written in the case. One case shows who works on it; changing that goes through four eyes
 * ({@code PUT /api/cases/{caseId}/staff}). Every look is in the audit trail.
 */
public record CaseAdminService(CaseOverviewRepository overview, CaseRepository cases, CaseAccess access,
                               PhaseRepository phases, Cases rules, Guards guards) {

    public void routes(ApiRoutes routes) {
        routes.get("/api/admin/cases", guards.roles(Role.ADMIN), this::list)
                .get("/api/admin/cases/{caseId}", guards.roles(Role.ADMIN), this::get);
    }

    record Person(String id, String displayName) {
    }

    record OverviewItem(String id, String reference, Investigation.Status status, String phase, String phaseTitle,
                        LocalDate nextUpdateBy, boolean updateOverdue, Person familyInspector, long investigators) {
    }

    record Overview(List<OverviewItem> cases, boolean more) {
    }

    record StaffMember(String id, String displayName, String role) {
    }

    record AdminCase(String id, String reference, Investigation.Status status, String phase, String phaseTitle,
                     LocalDate nextUpdateBy, boolean updateOverdue, List<StaffMember> staff) {
    }

    private void list(ServerRequest request, ServerResponse response) {
        CaseOverview.Filter filter = CaseOverview.of(
                request.query().first("reference").asOptional(), request.query().first("phase").asOptional(),
                request.query().first("overdue").asOptional(), request.query().first("sort").asOptional(),
                phases.codes());
        Actor actor = Authentication.actor(request);
        LocalDate today = rules.today();
        List<CaseOverviewRepository.Row> found = overview.find(filter, today);
        access.recordedList(actor, "case.overview", "case");
        Language language = Language.of(request);
        response.send(new Overview(found.stream().limit(CaseOverviewRepository.LIMIT)
                                           .map(row -> item(row, language, today)).toList(),
                                   found.size() > CaseOverviewRepository.LIMIT));
    }

    private OverviewItem item(CaseOverviewRepository.Row row, Language language, LocalDate today) {
        return new OverviewItem(row.id(), row.reference(), row.status(), row.phase(),
                                phases.titleOf(row.phase(), language), row.nextUpdateBy(),
                                row.status() == Investigation.Status.OPEN && today.isAfter(row.nextUpdateBy()),
                                row.familyInspectorId() == null ? null
                                        : new Person(row.familyInspectorId(), row.familyInspectorName()),
                                row.investigators());
    }

    private void get(ServerRequest request, ServerResponse response) {
        CaseAccess.CaseContext context = access.require(Authentication.actor(request), caseId(request), CaseAction.READ_CASE,
                                                        "case.read-staff");
        Investigation investigation = context.investigation();
        response.send(new AdminCase(investigation.id(), investigation.reference(), investigation.status(),
                                    investigation.phase(), phases.titleOf(investigation.phase(), Language.of(request)),
                                    investigation.nextUpdateBy(), investigation.isUpdateOverdueOn(rules.today()),
                                    cases.staff(investigation.id()).stream()
                                            .map(staff -> new StaffMember(staff.accountId(), staff.displayName(),
                                                                          staff.role()))
                                            .toList()));
    }
}
