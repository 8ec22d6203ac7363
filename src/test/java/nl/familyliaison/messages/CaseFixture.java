package nl.familyliaison.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import nl.familyliaison.access.Account;
import nl.familyliaison.access.Role;
import nl.familyliaison.cases.CaseRepository;
import nl.familyliaison.cases.Investigation;
import nl.familyliaison.platform.Ids;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.RunningService;
import nl.familyliaison.support.TestService;

/**
 * Cases for tests, made by writing their rows directly (the case, its staff, its members). Once the cases routes
 * are in, these can be made through them instead.
 */
public final class CaseFixture {

    private final Supplier<TestService> services;
    private final Supplier<People> everyone;

    public CaseFixture(TestService service, People people) {
        this(() -> service, () -> people);
    }

    private CaseFixture(Supplier<TestService> services, Supplier<People> everyone) {
        this.services = services;
        this.everyone = everyone;
    }

    /** For a test class's service, which starts only after the class's fields are set. */
    static CaseFixture of(RunningService service) {
        return new CaseFixture(service::service, service::people);
    }

    /** The people of one case: its family inspector and investigator, both signed in. */
    public record Cast(String caseId, People.Staff inspector, Api inspectorApi, People.Staff investigator,
                       Api investigatorApi) {
    }

    /** A member of a case, signed in. */
    public record Member(Account account, String membershipId, Api api) {
    }

    /** A new case with a family inspector and an investigator of its own; {@code label} keeps addresses apart. */
    public Cast cast(String label) {
        People.Staff inspector = everyone.get().staff(Role.FAMILY_INSPECTOR, label + "-fi@inspectie.example");
        People.Staff investigator = everyone.get().staff(Role.INVESTIGATOR, label + "-inv@inspectie.example");
        String caseId = open(label, inspector.account(), investigator.account());
        return new Cast(caseId, inspector, services.get().api().as(everyone.get().signInStaff(inspector)), investigator,
                        services.get().api().as(everyone.get().signInStaff(investigator)));
    }

    /** A new member of the cast's case, signed in (before any message could mail them). */
    public Member member(Cast cast, String name) {
        Account account = everyone.get().member(name + "@example.org");
        String membershipId = join(cast.caseId(), account, cast.inspector().account());
        return new Member(account, membershipId, services.get().api().as(everyone.get().signInMember(account.email())));
    }

    /** An open case with these staff; returns its id. */
    public String open(String reference, Account inspector, Account investigator) {
        String id = Ids.newId();
        CaseRepository cases = new CaseRepository(services.get().running().database().client());
        cases.insert(new Investigation(id, reference, "Onderzoek " + reference, LocalDate.of(2026, 1, 15),
                                       Investigation.Status.OPEN, "start", 28, LocalDate.of(2026, 4, 1)),
                     services.get().clock().instant());
        cases.assignStaff(id, List.of(new CaseRepository.Assignment(inspector.id(), "FAMILY_INSPECTOR"),
                                      new CaseRepository.Assignment(investigator.id(), "INVESTIGATOR")),
                          services.get().clock().instant());
        return id;
    }

    /** Makes {@code member} a member of the case; returns the membership id. */
    public String join(String caseId, Account member, Account invitedBy) {
        String id = Ids.newId();
        try (Connection connection = services.get().running().database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO investigation_member (id, investigation_id, account_id, relation, invited_by,"
                     + " invited_at) VALUES (?, ?, ?, 'PARENT', ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, caseId);
            insert.setString(3, member.id());
            insert.setString(4, invitedBy.id());
            insert.setTimestamp(5, Timestamp.valueOf(services.get().clock().instant().atOffset(ZoneOffset.UTC)
                                                             .toLocalDateTime()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }
}
