package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
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
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

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
                creating("ask to enable a staff account again", IdempotentCreatesTest::enabling),
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
                }),
                creating("remark on a briefing", cast -> {
                    CaseFiles.Member member = member(cast);
                    Call share = briefing(cast, member);
                    String briefing = share.api().post(share.path(), share.body()).json().path("id").asText();
                    return new Call(member.api(), base(cast) + "/briefings/" + briefing + "/remarks",
                                    "{\"text\":\"Een opmerking.\"}", "briefing_remark");
                }),
                creating("propose an interview", cast -> new Call(cast.inspectorApi(), base(cast)
                        + "/interview-proposals", proposal(member(cast).membershipId()), "interview_proposal")),
                creating("confirm an interview", cast -> {
                    JsonNode offer = proposed(cast, member(cast).membershipId());
                    return new Call(cast.inspectorApi(), "/api/interview-proposals/" + offer.path("id").asText()
                            + "/confirmation", "{\"slotId\":\"" + offer.path("slots").get(0).path("id").asText()
                            + "\"}", "appointment");
                }),
                creating("ask to change an appointment", cast -> {
                    CaseFiles.Member member = member(cast);
                    JsonNode offer = proposed(cast, member.membershipId());
                    String appointment = cast.inspectorApi().post(
                            "/api/interview-proposals/" + offer.path("id").asText() + "/confirmation",
                            "{\"slotId\":\"" + offer.path("slots").get(0).path("id").asText() + "\"}")
                            .json().path("id").asText();
                    return new Call(member.api(), "/api/appointments/" + appointment + "/change-requests",
                                    "{\"kind\":\"RESCHEDULE\",\"reason\":\"Ik ben dan op reis.\"}",
                                    "appointment_change");
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

    /** Asking to enable a disabled account: the admin disables a fresh colleague first. */
    private static Call enabling(Cast cast) {
        Api admin = admin(cast);
        String id = service.people().staff(Role.INVESTIGATOR, "idem-off-" + cast.caseId().substring(0, 8)
                                                              + "@inspectie.example").account().id();
        admin.post("/api/staff/" + id + "/disable", "{}");
        return new Call(admin, "/api/staff/" + id + "/enable", "{}", "approval_request");
    }

    private static CaseFiles.Member member(Cast cast) {
        return fixture().member(cast, "idem-member-" + cast.caseId().substring(0, 8));
    }

    /** An hour on a weekday morning two weeks ahead, offered to one member. */
    private static String proposal(String memberId) {
        LocalDate day = LocalDate.ofInstant(service.clock().instant(), AMSTERDAM).plusDays(14);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        Instant start = day.atTime(10, 0).atZone(AMSTERDAM).toInstant();
        return "{\"slots\":[{\"start\":\"" + start + "\",\"end\":\"" + start.plusSeconds(3600) + "\"}],"
               + "\"mode\":\"IN_PERSON\",\"place\":\"Turfmarkt 147, Den Haag\",\"note\":\"Welkom.\","
               + "\"memberIds\":[\"" + memberId + "\"]}";
    }

    private static JsonNode proposed(Cast cast, String memberId) {
        return cast.inspectorApi().post(base(cast) + "/interview-proposals", proposal(memberId)).json();
    }

    private static Call briefing(Cast cast) {
        return briefing(cast, member(cast));
    }

    private static Call briefing(Cast cast, CaseFiles.Member member) {
        String file = cast.inspectorApi().send("POST", base(cast) + "/attachments", "application/octet-stream",
                                               SampleFiles.pdf("verslag"), "X-File-Name", "verslag.pdf")
                .json().path("id").asText();
        String until = service.clock().instant().plus(java.time.Duration.ofDays(7)).toString();
        return new Call(cast.inspectorApi(), base(cast) + "/briefings", "{\"attachmentId\":\"" + file
                        + "\",\"memberIds\":[\"" + member.membershipId() + "\"],\"publicationDate\":\"2026-04-01\","
                        + "\"remarksUntil\":\"" + until + "\"}", "briefing");
    }
}
