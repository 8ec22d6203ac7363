package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.Function;
import java.util.stream.Stream;

import nl.familyliaison.access.Role;
import nl.familyliaison.messages.SampleFiles;
import nl.familyliaison.messages.Tables;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.CaseFiles.Cast;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every POST that creates something honours Idempotency-Key: sent twice with the same key it answers the same
 * twice, the second time marked as replayed, and the thing exists once.
 */
class IdempotentCreatesTest {

    @RegisterExtension
    static final TestService service = TestService.perClass(settings -> settings);

    /** One creating request: who sends it, where, what, and the table that gains one row. */
    record Call(Api api, String path, String body, String table) {
    }

    static Stream<Arguments> creatingPosts() {
        return Stream.of(
                creating("open a case", cast -> new Call(admin(cast), "/api/cases",
                        "{\"reference\":\"IDEM-" + cast.caseId().substring(0, 8) + "\",\"title\":\"Onderzoek\","
                        + "\"incidentDate\":\"2026-01-10\"}", "investigation")),
                creating("invite a member", cast -> new Call(cast.inspectorApi(), base(cast) + "/members",
                        "{\"email\":\"idem-" + cast.caseId().substring(0, 8) + "@example.org\",\"displayName\":"
                        + "\"Iemand\",\"relation\":\"PARENT\"}", "investigation_member")),
                creating("post an update", cast -> new Call(cast.inspectorApi(), base(cast) + "/updates",
                        "{\"text\":\"Een update.\"}", "investigation_update")),
                creating("correct an update", cast -> new Call(cast.inspectorApi(), base(cast) + "/updates/"
                        + cast.inspectorApi().post(base(cast) + "/updates", "{\"text\":\"Eerst.\"}").json()
                                .path("id").asText() + "/corrections", "{\"text\":\"Beter.\"}",
                        "investigation_update")),
                creating("share a briefing", IdempotentCreatesTest::briefing),
                creating("send feedback", cast -> new Call(member(cast).api(), "/api/feedback",
                        "{\"kind\":\"FEEDBACK\",\"about\":\"SERVICE\",\"text\":\"Dank u.\"}", "feedback")),
                creating("ask for removal", cast -> new Call(member(cast).api(), "/api/removal-requests", "{}",
                                                             "removal_request")),
                creating("ask for a staff account", cast -> new Call(admin(cast), "/api/staff",
                        "{\"email\":\"idem-" + cast.caseId().substring(0, 8) + "@inspectie.example\","
                        + "\"displayName\":\"Nieuw\",\"role\":\"INVESTIGATOR\"}", "approval_request")),
                creating("name a substitute", cast -> new Call(cast.inspectorApi(), "/api/absence-covers",
                        "{\"substituteId\":\"" + service.people().staff(Role.FAMILY_INSPECTOR, "idem-sub-"
                        + cast.caseId().substring(0, 8) + "@inspectie.example").account().id() + "\",\"from\":\""
                        + java.time.LocalDate.now(service.clock()) + "\",\"until\":\""
                        + java.time.LocalDate.now(service.clock()).plusDays(3) + "\"}", "absence_cover")),
                creating("start a thread", cast -> new Call(member(cast).api(), base(cast) + "/threads",
                        "{\"text\":\"Een vraag.\"}", "message_thread")),
                creating("post a message", cast -> {
                    CaseFiles.Member member = member(cast);
                    String thread = member.api().post(base(cast) + "/threads", "{\"text\":\"Vraag.\"}").json()
                            .path("thread").path("id").asText();
                    return new Call(member.api(), base(cast) + "/threads/" + thread + "/messages",
                                    "{\"text\":\"Nog iets.\"}", "message");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creatingPosts")
    void sentTwiceWithOneKeyItIsMadeOnceAndAnsweredTheSame(Function<Cast, Call> prepare) {
        Cast cast = fixture().cast("idem-" + Ids.newId().substring(0, 8));
        Call call = prepare.apply(cast);
        Tables tables = new Tables(service);
        long before = tables.count(call.table());

        Reply first = call.api().post(call.path(), call.body(), "Idempotency-Key", "create-1");
        Reply again = call.api().post(call.path(), call.body(), "Idempotency-Key", "create-1");

        assertEquals(2, first.status() / 100, first::toString);
        assertEquals(first.status(), again.status(), again::toString);
        assertEquals(first.body(), again.body());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(before + 1, tables.count(call.table()));
    }

    private static Arguments creating(String what, Function<Cast, Call> prepare) {
        return Arguments.of(Named.of(what, prepare));
    }

    private static CaseFiles fixture() {
        return new CaseFiles(service);
    }

    private static String base(Cast cast) {
        return "/api/cases/" + cast.caseId();
    }

    private static Api admin(Cast cast) {
        return service.api().as(service.people().signInStaff(
                service.people().staff(Role.ADMIN, "idem-admin-" + cast.caseId().substring(0, 8)
                                                   + "@inspectie.example")));
    }

    private static CaseFiles.Member member(Cast cast) {
        return fixture().member(cast, "idem-member-" + cast.caseId().substring(0, 8));
    }

    private static Call briefing(Cast cast) {
        CaseFiles.Member member = member(cast);
        String file = cast.inspectorApi().send("POST", base(cast) + "/attachments", "application/octet-stream",
                                               SampleFiles.pdf("verslag"), "X-File-Name", "verslag.pdf")
                .json().path("id").asText();
        String until = service.clock().instant().plus(java.time.Duration.ofDays(7)).toString();
        return new Call(cast.inspectorApi(), base(cast) + "/briefings", "{\"attachmentId\":\"" + file
                        + "\",\"memberIds\":[\"" + member.membershipId() + "\"],\"publicationDate\":\"2026-04-01\","
                        + "\"remarksUntil\":\"" + until + "\"}", "briefing");
    }
}
