package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.familyliaison.rights.ExportTest;
import nl.familyliaison.support.Api;
import nl.familyliaison.support.CaseFiles;
import nl.familyliaison.support.Mailbox;
import nl.familyliaison.support.Reply;
import nl.familyliaison.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A language added from files alone — a list entry, its folder and its mail templates, no code — shows everywhere:
 * in the language list, the client texts, the phases, the invitation mail (with the hint in Dutch and English and the
 * check-it-is-real line in the language), the calendar file and the export. The scratch language "xx" is English with
 * a visible marker in every text.
 */
class ScratchLanguageTest {

    private static final String MARK = "[xx] ";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path LANGUAGES = Path.of("src", "main", "resources", "languages");

    private static Path scratch;
    private static TestService service;
    private static CaseFiles.Cast cast;

    @BeforeAll
    static void start() throws IOException {
        scratch = Files.createTempDirectory("scratch-language");
        Path languages = Files.createDirectories(scratch.resolve("languages/xx")).getParent();
        LanguageFilesTest.listScratch(languages);
        Path xx = languages.resolve("xx");
        Files.writeString(xx.resolve("client.json"), marked(new ObjectMapper(), LANGUAGES.resolve("en/client.json")));
        Files.writeString(xx.resolve("texts.yaml"), marked(YAML, LANGUAGES.resolve("en/texts.yaml")));
        Files.writeString(xx.resolve("phases.yaml"), marked(YAML, LANGUAGES.resolve("en/phases.yaml")));
        Path mail = LanguageFilesTest.copyOf(Path.of("mail-templates"), scratch.resolve("mail-templates"));
        try (Stream<Path> files = Files.walk(mail)) {
            for (Path english : files.filter(file -> file.getFileName().toString().startsWith("en.")).toList()) {
                String text = Files.readString(english);
                String name = english.getFileName().toString();
                text = name.endsWith(".html.mustache") ? text.replaceFirst("(<body[^>]*>)", "$1" + MARK)
                        : MARK + text;
                Files.writeString(english.resolveSibling("xx" + name.substring(2)), text);
            }
        }
        service = TestService.builder()
                .set("languages.directory", languages.toString())
                .set("mail.templates", mail.toString())
                .start();
        cast = new CaseFiles(service).cast("scratch-language");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theListNamesItAndItsClientTextsAreServed() throws Exception {
        JsonNode listed = service.api().get("/api/languages").json().path("languages");
        JsonNode last = listed.get(listed.size() - 1);
        assertEquals("xx", last.path("code").asText());
        assertEquals("Scratch", last.path("name").asText());
        assertEquals(false, last.path("reviewed").asBoolean());
        assertEquals("nl", listed.get(0).path("code").asText(), "the default stays first");

        java.net.http.HttpResponse<String> texts = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(service.api().base().resolve("/i18n/xx.json")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, texts.statusCode());
        assertTrue(new ObjectMapper().readTree(texts.body()).path("quickExit.button").asText().startsWith(MARK));
    }

    @Test
    void aMailsLinkOpensThePagesInItInADutchBrowser() {
        try (nl.familyliaison.support.Browser browser = nl.familyliaison.support.Browser.phone("nl")) {
            browser.driver().get(service.api().base().resolve("/?lang=xx").toString());
            nl.familyliaison.support.Browser.waiting(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(driver -> "xx".equals(browser.js("return document.documentElement.lang;")));
            assertEquals("", browser.js("return location.search;"), "the address bar loses the parameter");
            String heading = browser.driver().findElement(org.openqa.selenium.By.tagName("h1")).getText();
            assertTrue(heading.startsWith(MARK.strip()), heading);
            String exit = browser.driver().findElement(org.openqa.selenium.By.className("fl-quick-exit")).getText();
            assertTrue(exit.startsWith(MARK.strip()), "the shell too: " + exit);
            Object unreviewed = browser.js("return document.querySelector('[data-language=\"xx\"]"
                                           + " .fl-language__unreviewed').textContent;");
            assertTrue(String.valueOf(unreviewed).startsWith(MARK), "the choice says it is not reviewed");
        }
    }

    @Test
    void thePhasesComeInIt() {
        JsonNode phases = service.api().get("/api/phases?lang=xx").json().path("phases");
        assertEquals(9, phases.size());
        for (JsonNode phase : phases) {
            assertEquals("xx", phase.path("language").asText());
            assertTrue(phase.path("title").asText().startsWith(MARK), phase.toString());
            assertTrue(phase.path("whatYouCanDo").asText().startsWith(MARK), phase.toString());
        }
        assertEquals(phases, service.api().get("/api/phases", "Accept-Language", "xx, en;q=0.5").json()
                .path("phases"), "a browser set to the language gets it too");
    }

    @Test
    void aMemberInvitedInItGetsTheInvitationInItWithTheHintAndTheCheck() {
        Mailbox.Received mail = invite("scratch-invited@example.org");
        assertTrue(mail.subject().startsWith(MARK), mail.subject());
        String nlHint = "Deze e-mail in uw taal? Log in op";
        String enHint = "This e-mail in your language? Sign in at";
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertTrue(body.contains(nlHint) && body.contains(enHint), "the hint in Dutch and English: " + body);
            assertTrue(body.contains(MARK + "This message comes from Familiecontact"), "the sender, in xx: " + body);
            assertTrue(body.contains(MARK + "Not sure this message is really from us?"), "the check, in xx: " + body);
            assertTrue(body.indexOf(enHint) < body.indexOf(MARK + "This message comes from"), "hint first");
            assertTrue(body.indexOf(MARK + "Not sure") > body.indexOf("Family contact"), "the check comes last");
            // (HTML escapes the "=" as a character reference, which a mail reader decodes in the link.)
            assertTrue(body.replace("&#61;", "=").contains("/?lang=xx"), "its link opens the service in xx: " + body);
        }
    }

    @Test
    void theCalendarFileAndTheExportAreInIt() throws Exception {
        String email = "scratch-member@example.org";
        invite(email);
        Api member = service.api().as(service.people().signInMember(email));
        String membershipId = cast.inspectorApi().get("/api/cases/" + cast.caseId() + "/members").json()
                .path("members").findParents("email").stream()
                .filter(node -> email.equals(node.path("email").asText())).findFirst().orElseThrow()
                .path("id").asText();
        String appointment = appointment(membershipId);

        Reply ics = member.get("/api/appointments/" + appointment + "/calendar.ics", "Accept-Language", "xx");
        assertEquals(200, ics.status(), ics.toString());
        assertTrue(ics.body().contains("SUMMARY:" + MARK + "Interview with the Inspectorate"), ics.body());
        assertTrue(ics.body().contains(MARK + "An interview in person."), ics.body());

        Map<String, byte[]> zip = ExportTest.download(member);
        String html = new String(zip.get("export.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<html lang=\"xx\" dir=\"ltr\">"), html);
        assertTrue(html.contains("<h1>" + MARK + "Your data in Family contact</h1>"), html);
        assertTrue(html.contains(MARK + "Made on "), html);
    }

    @Test
    void aLanguageNotListedIsRefusedNamingTheFieldAndTheListedCodes() {
        Reply invitation = cast.inspectorApi().post("/api/cases/" + cast.caseId() + "/members",
                                                    "{\"email\":\"scratch-refused@example.org\",\"displayName\":"
                                                    + "\"Refused\",\"relation\":\"SIBLING\",\"language\":\"zz\"}");
        assertRefused(invitation, "language");
        assertRefused(service.api().unchecked().get("/api/phases?lang=zz"), "lang");
        assertRefused(cast.inspectorApi().send("PUT", "/api/preferences", "application/json",
                                               ("{\"language\":\"zz\",\"mailEnabled\":true,\"detailLevel\":"
                                                + "\"EVERYTHING\",\"quietHours\":{\"start\":\"22:00\",\"end\":"
                                                + "\"07:00\"}}").getBytes(StandardCharsets.UTF_8)), "language");
    }

    private static void assertRefused(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(field, reply.json().path("errors").path(0).path("field").asText(), reply.toString());
        String detail = reply.json().path("detail").asText();
        assertTrue(detail.contains(": nl, en, ") && detail.endsWith(", xx."), "every listed code, scratch last: " + detail);
    }

    private static Mailbox.Received invite(String email) {
        Reply invited = cast.inspectorApi().post("/api/cases/" + cast.caseId() + "/members",
                                                 "{\"email\":\"" + email + "\",\"displayName\":\"Scratch Member\","
                                                 + "\"relation\":\"SIBLING\",\"language\":\"xx\"}");
        assertEquals(201, invited.status(), invited.toString());
        return Mailbox.await(email, "\\[xx\\] Invitation to Family contact");
    }

    private static String appointment(String membershipId) {
        java.time.Instant start = LocalDateTime.parse("2027-03-02T10:00").atZone(ZoneId.of("Europe/Amsterdam"))
                .toInstant();
        String body = "{\"slots\":[{\"start\":\"" + start + "\",\"end\":\"" + start.plusSeconds(3600) + "\"}],"
                      + "\"mode\":\"IN_PERSON\",\"place\":\"Turfmarkt 147, Den Haag\",\"note\":\"\","
                      + "\"memberIds\":[\"" + membershipId + "\"]}";
        Reply proposed = cast.investigatorApi().post("/api/cases/" + cast.caseId() + "/interview-proposals", body);
        assertEquals(201, proposed.status(), proposed.toString());
        JsonNode proposal = proposed.json();
        Reply confirmed = cast.investigatorApi().post(
                "/api/interview-proposals/" + proposal.path("id").asText() + "/confirmation",
                "{\"slotId\":\"" + proposal.path("slots").get(0).path("id").asText() + "\"}");
        assertEquals(201, confirmed.status(), confirmed.toString());
        return confirmed.json().path("id").asText();
    }

    /** The file with the marker before every text (nested objects, as phases.yaml has, included). */
    private static String marked(ObjectMapper mapper, Path english) {
        try {
            JsonNode tree = mapper.readTree(english.toFile());
            mark(tree);
            return mapper.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mark(JsonNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual()) {
                ((ObjectNode) node).set(field.getKey(), new TextNode(MARK + field.getValue().asText()));
            } else {
                mark(field.getValue());
            }
        }
    }
}
