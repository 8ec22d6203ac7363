package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.TreeMap;
import java.util.regex.Pattern;

import nl.familyliaison.access.Role;
import nl.familyliaison.messages.MessageFixture;
import nl.familyliaison.platform.BadRequests.Bad;
import nl.familyliaison.platform.ContractOperations.BodyKind;
import nl.familyliaison.platform.ContractOperations.Op;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.People;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.IdentityProvider;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input campaign: for every operation in openapi.yaml, malformed requests of every kind (see
 * {@link BadRequests}), sent signed out and signed in as each role to a case that person belongs to. None may get a
 * 5xx, none may show anything of the inside (class names, stack frames, SQL), every refusal is problem+json, and no
 * refused request may change the data tables.
 */
class BadInputCampaignTest {

    /** What an answer must never show: Java class or package names, stack frames, SQL, the database or pool. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)(exception|\\bat [a-z]+\\.[a-z]|\\.java:\\d|\\bjava\\.|jakarta\\.|io\\.helidon|nl\\.familyliaison"
            + "|com\\.fasterxml|sqlstate|sql syntax|\\bselect\\b.{0,80}\\bfrom\\b|insert into"
            + "|\\bupdate\\b.{0,40}\\bset\\b"
            + "|mariadb|jdbc|hikari)");
    private static final int AT_LEAST = 10_000;

    private static TestService service;
    private static IdentityProvider provider;
    private static final Map<String, Api> CALLERS = new LinkedHashMap<>();
    private static final Map<String, String> REAL_IDS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        // The sign-in providers are configured (a real OpenID Connect provider), so their routes read what is sent.
        provider = IdentityProvider.start();
        TestService.Builder builder = provider.configure(TestService.builder());
        // The campaign sends thousands of requests per account within seconds; the per-account limits are tested on
        // their own (ratelimit package) and would otherwise answer most of the campaign with 429.
        for (String policy : List.of("message-post-account", "upload-account", "invitation-account")) {
            builder.set("rate-limits." + policy + ".capacity", "1000000");
        }
        service = builder.start();
        People people = new People(service);
        People.Staff inspector = people.staff(Role.FAMILY_INSPECTOR, "campaign-fi@inspectie.example");
        People.Staff investigator = people.staff(Role.INVESTIGATOR, "campaign-inv@inspectie.example");
        People.Staff admin = people.staff(Role.ADMIN, "campaign-admin@inspectie.example");
        String memberEmail = "campaign-member@example.org";
        MessageFixture.Ids ids = MessageFixture.threadWithFile(service, "CAMPAIGN", inspector, investigator,
                                                               memberEmail);
        Api inspectorApi = service.api().as(people.signInStaff(inspector)).unchecked();
        String updateId = inspectorApi.post("/api/cases/" + ids.caseId() + "/updates",
                                            "{\"text\":\"Stand van zaken.\"}").json().path("id").asText();
        String membershipId = inspectorApi.get("/api/cases/" + ids.caseId() + "/members").json()
                .path("members").path(0).path("id").asText();

        Api memberApi = service.api().as(people.signInMember(memberEmail)).unchecked();
        memberApi.post("/api/feedback", "{\"kind\":\"COMPLAINT\",\"about\":\"SERVICE\",\"text\":\"Campagne\"}");
        CALLERS.put("signed out", service.api().unchecked());
        CALLERS.put("member", memberApi);
        CALLERS.put("family inspector", inspectorApi);
        CALLERS.put("investigator", service.api().as(people.signInStaff(investigator)).unchecked());
        CALLERS.put("admin", service.api().as(people.signInStaff(admin)).unchecked());

        REAL_IDS.put("caseId", ids.caseId());
        REAL_IDS.put("threadId", ids.threadId());
        REAL_IDS.put("attachmentId", ids.attachmentId());
        REAL_IDS.put("updateId", updateId);
        REAL_IDS.put("memberId", membershipId);
        REAL_IDS.put("familyInspectorId", inspector.account().id());
        REAL_IDS.put("investigatorId", investigator.account().id());
        REAL_IDS.put("accountId", investigator.account().id());
        REAL_IDS.put("feedbackId", CALLERS.get("admin").get("/api/feedback").json().path("feedback").path(0)
                .path("id").asText());
        REAL_IDS.put("substituteId", inspector.account().id());
        REAL_IDS.put("absentId", inspector.account().id());
        REAL_IDS.put("representsMemberId", membershipId);
        REAL_IDS.put("onBehalfOf", membershipId);
    }

    @AfterAll
    static void stop() {
        service.close();
        provider.close();
    }

    @Test
    void malformedRequestsAreRefusedCleanlyAndChangeNothing() throws Exception {
        ContractOperations contract = ContractOperations.read();
        BadRequests generator = new BadRequests(REAL_IDS);
        List<String> findings = new CopyOnWriteArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        try (DataChecksums data = new DataChecksums(service.setting("db.url"));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Op op : contract.operations()) {
                // Without a body, a state-changing request with the right ids is no longer malformed (sign out,
                // end a membership, disable an account): those get wrong ids only.
                boolean realIds = op.body() != BodyKind.NONE || !op.changesState();
                List<Bad> requests = generator.of(op, contract.methodsOf(op.path()), realIds);
                Map<String, Long> before = data.now();
                // The callers run at once (the campaign must stay quick on two cores), each its own requests in turn.
                List<Future<List<Sent>>> running = new ArrayList<>();
                for (Map.Entry<String, Api> caller : CALLERS.entrySet()) {
                    if (op.body() == BodyKind.NONE && op.changesState() && op.in("path").isEmpty()
                        && !caller.getKey().equals("signed out")) {
                        continue; // DELETE /api/session would sign the campaign's caller out
                    }
                    running.add(callers.submit(() -> requests.stream()
                            .map(request -> send(caller.getKey(), caller.getValue(), request, findings))
                            .filter(Objects::nonNull).toList()));
                }
                List<Sent> answers = new ArrayList<>();
                for (Future<List<Sent>> each : running) {
                    answers.addAll(each.get());
                }
                answers.forEach(answer -> statuses.merge(answer.reply().status(), 1, Integer::sum));
                sent += answers.size();
                List<Sent> accepted = answers.stream().filter(Sent::acceptedChange).toList();
                if (accepted.isEmpty()) {
                    List<String> changed = DataChecksums.changed(before, data.now());
                    if (!changed.isEmpty()) {
                        findings.add(op + ": refused requests changed " + changed);
                    }
                } else {
                    accepted.forEach(answer -> System.out.println("Accepted: " + answer));
                    // Something was well-formed enough to be accepted and change data: check the refused ones alone.
                    for (Sent answer : answers) {
                        if (answer.reply().status() >= 400 && answer.request().op().changesState()) {
                            Map<String, Long> alone = data.now();
                            Sent again = send(answer.who(), CALLERS.get(answer.who()), answer.request(), findings);
                            List<String> changed = DataChecksums.changed(alone, data.now());
                            if (again != null && again.reply().status() >= 400 && !changed.isEmpty()) {
                                findings.add(again + ": refused but changed " + changed);
                            }
                        }
                    }
                }
            }
        }
        System.out.println("Bad-input campaign: " + sent + " requests, answers by status " + statuses);
        assertEquals(List.of(), findings.stream().limit(40).toList(), findings.size() + " findings");
        assertTrue(sent >= AT_LEAST, "only " + sent + " requests were sent");
    }

    /** One request sent and its answer. */
    record Sent(String who, Bad request, Reply reply) {
        boolean acceptedChange() {
            return reply.status() < 300 && !request.method().equals("GET");
        }

        @Override
        public String toString() {
            return who + " " + request + " -> " + reply.status();
        }
    }

    /** Sends one bad request and checks its answer; null when the HTTP client itself refuses to send it. */
    private static Sent send(String who, Api caller, Bad request, List<String> findings) {
        String[] headers = request.headers().toArray(String[]::new);
        Reply reply;
        try {
            reply = caller.send(request.method(), request.path(), request.contentType(), request.body(), headers);
        } catch (IllegalArgumentException unsendable) {
            return null; // a header value or method the client will not put on the wire
        } catch (UncheckedIOException e) {
            findings.add(who + " " + request + ": no answer (" + e.getCause() + ")");
            return null;
        }
        String where = who + " " + request + " -> " + reply.status();
        if (reply.status() >= 500) {
            findings.add(where + " " + reply.body());
        }
        boolean contractText = request.path().startsWith("/openapi") || request.path().startsWith("/observe");
        if (!(contractText && reply.status() < 300) && INTERNALS.matcher(reply.body()).find()) {
            findings.add(where + " shows internals: " + reply.body());
        }
        // The observe endpoints are Helidon's own (health, metrics): they answer their few refusals (406 for an
        // Accept they cannot serve) without a body, and never with anything of the inside.
        if (reply.status() >= 400 && !request.path().startsWith("/observe")
            && !String.valueOf(reply.contentType()).startsWith("application/problem+json")) {
            findings.add(where + " is not problem+json: " + reply.contentType() + " " + reply.body());
        }
        return new Sent(who, request, reply);
    }

}
