package nl.familyliaison.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Every text a page module names is sent to everyone who can open that page: the route table of app.js says who may
 * open a page (its module and what it imports), languages/audiences.yaml says which key prefixes only staff or only
 * administrators get, so a key of another audience would show raw. A module loaded with {@code import()} whose name
 * ends in {@code -staff.js} is loaded for family inspectors and investigators only (case.js and interviews.js do so).
 */
class TextAudiencesTest {

    private static final Path WEB = Path.of("src", "main", "resources", "web");
    private static final Path AUDIENCES = Path.of("src", "main", "resources", "languages", "audiences.yaml");
    private static final Pattern ROUTE = Pattern.compile("\\['([^']*)', '([^']+)', '(\\w+)'\\]");
    private static final Pattern STATIC_IMPORT = Pattern.compile("from '(\\.[^']+)'");
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("import\\('(\\.[^']+)'\\)");
    /** 'prefix.rest' as a literal, or the start of a key built in a template: `prefix.${…}`. */
    private static final Pattern KEY = Pattern.compile("'([a-z][a-zA-Z]*)\\.[a-zA-Z][a-zA-Z0-9.]*'|`([a-z][a-zA-Z]*)\\.");

    /** Who opens a page: not signed in, a member, a family inspector or investigator, an administrator. */
    enum Who { SIGNED_OUT, MEMBER, STAFF, ADMIN }

    private static final Map<String, Set<Who>> ACCESS = Map.of(
            "public", EnumSet.of(Who.SIGNED_OUT), "open", EnumSet.allOf(Who.class),
            "member", EnumSet.of(Who.MEMBER), "any", EnumSet.of(Who.MEMBER, Who.STAFF, Who.ADMIN),
            "staff", EnumSet.of(Who.STAFF), "admin", EnumSet.of(Who.ADMIN), "desk", EnumSet.of(Who.STAFF, Who.ADMIN));

    @Test
    void everyPageGetsTheTextsItNames() {
        assertEquals(List.of(), problems(audiences()));
    }

    @Test
    void aStaffPrefixNamedOnAMembersOrSignedOutPageIsFound() {
        Map<String, Set<String>> wrong = new LinkedHashMap<>(audiences());
        wrong.put("staff", union(wrong.get("staff"), Set.of("signIn", "myData")));
        List<String> found = problems(wrong);
        assertTrue(found.stream().anyMatch(line -> line.startsWith("pages/sign-in.js names signIn.")), found.toString());
        assertTrue(found.stream().anyMatch(line -> line.startsWith("pages/my-data.js names myData.")), found.toString());
    }

    @Test
    void anAdministratorsPrefixOnAStaffPageIsFound() {
        Map<String, Set<String>> wrong = new LinkedHashMap<>(audiences());
        wrong.put("staff", minus(wrong.get("staff"), "dashboard"));
        wrong.put("admin", union(wrong.get("admin"), Set.of("dashboard")));
        List<String> found = problems(wrong);
        assertTrue(found.stream().anyMatch(line -> line.startsWith("pages/dashboard.js names dashboard.")),
                   found.toString());
    }

    @Test
    void everyListedPrefixIsOneOfTheClientTextsAndEveryPageHasItsAccess() {
        Set<String> prefixes = prefixes();
        List<String> unknown = new ArrayList<>();
        audiences().forEach((audience, listed) -> listed.stream().filter(prefix -> !prefixes.contains(prefix))
                .forEach(prefix -> unknown.add(audience + ": " + prefix)));
        assertEquals(List.of(), unknown, "prefixes in audiences.yaml that no client text has");
        routes().forEach((page, access) -> assertTrue(ACCESS.containsKey(access), page + ": " + access));
    }

    /** One line per module and prefix that someone who can open the module does not get. */
    private static List<String> problems(Map<String, Set<String>> audiences) {
        Map<String, Set<Who>> modules = new TreeMap<>();
        reach("app.js", EnumSet.allOf(Who.class), modules);
        routes().forEach((page, access) -> reach("pages/" + page + ".js", ACCESS.get(access), modules));
        Set<String> prefixes = prefixes();
        List<String> problems = new ArrayList<>();
        modules.forEach((module, who) -> named(module).stream().filter(prefixes::contains).forEach(prefix -> {
            Set<Who> lacking = EnumSet.copyOf(who);
            lacking.removeAll(gets(prefix, audiences));
            if (!lacking.isEmpty()) {
                problems.add(module + " names " + prefix + ".… but " + lacking + " can open it and do not get "
                             + prefix + " (languages/audiences.yaml)");
            }
        }));
        Jsoup.parse(read("index.html")).select("[data-i18n]").forEach(element -> {
            String prefix = element.attr("data-i18n").split("\\.")[0];
            if (!gets(prefix, audiences).containsAll(EnumSet.allOf(Who.class))) {
                problems.add("index.html names " + prefix + ".… , which not everyone gets");
            }
        });
        return problems;
    }

    /** Who gets a prefix's texts: everyone when it is listed nowhere, else its audiences. */
    private static Set<Who> gets(String prefix, Map<String, Set<String>> audiences) {
        Set<Who> who = EnumSet.noneOf(Who.class);
        if (audiences.get("staff").contains(prefix)) {
            who.add(Who.STAFF);
        }
        if (audiences.get("admin").contains(prefix)) {
            who.add(Who.ADMIN);
        }
        return who.isEmpty() ? EnumSet.allOf(Who.class) : who;
    }

    /** Marks a module and what it imports as opened by {@code who}. */
    private static void reach(String module, Set<Who> who, Map<String, Set<Who>> modules) {
        Set<Who> known = modules.computeIfAbsent(module, name -> EnumSet.noneOf(Who.class));
        if (who.isEmpty() || known.containsAll(who)) {
            return;
        }
        known.addAll(who);
        String source = read(module);
        Path folder = Path.of(module).getParent();
        Matcher imports = STATIC_IMPORT.matcher(source);
        while (imports.find()) {
            reach(resolve(folder, imports.group(1)), who, modules);
        }
        Matcher loaded = DYNAMIC_IMPORT.matcher(source);
        while (loaded.find()) {
            String target = resolve(folder, loaded.group(1));
            Set<Who> opening = EnumSet.copyOf(who);
            if (target.endsWith("-staff.js")) {
                opening.retainAll(EnumSet.of(Who.STAFF));
            }
            reach(target, opening, modules);
        }
    }

    private static String resolve(Path folder, String relative) {
        Path target = folder == null ? Path.of(relative) : folder.resolve(relative);
        return target.normalize().toString().replace('\\', '/');
    }

    /** The key prefixes a module names. */
    private static Set<String> named(String module) {
        Set<String> named = new TreeSet<>();
        Matcher keys = KEY.matcher(read(module));
        while (keys.find()) {
            named.add(keys.group(1) != null ? keys.group(1) : keys.group(2));
        }
        return named;
    }

    /** Page module → access, from app.js's route table. */
    private static Map<String, String> routes() {
        Map<String, String> routes = new TreeMap<>();
        String app = read("app.js");
        int table = app.indexOf("const ROUTES = [");
        Matcher route = ROUTE.matcher(app.substring(table, app.indexOf("];", table)));
        while (route.find()) {
            routes.merge(route.group(2), route.group(3), (one, other) -> one.equals(other) ? one : one + "+" + other);
        }
        assertTrue(table >= 0 && routes.size() > 20, "app.js's route table was not found: " + routes);
        return routes;
    }

    private static Set<String> prefixes() {
        Set<String> prefixes = new TreeSet<>();
        PageChecks.translations("nl").keySet().forEach(key -> prefixes.add(key.split("\\.")[0]));
        return prefixes;
    }

    private static Map<String, Set<String>> audiences() {
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(AUDIENCES));
            Map<String, Set<String>> audiences = new LinkedHashMap<>();
            for (String audience : List.of("staff", "admin")) {
                Set<String> listed = new TreeSet<>();
                tree.path(audience).forEach(prefix -> listed.add(prefix.asText()));
                audiences.put(audience, listed);
            }
            return audiences;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> both = new TreeSet<>(one);
        both.addAll(other);
        return both;
    }

    private static Set<String> minus(Set<String> from, String prefix) {
        Set<String> left = new TreeSet<>(from);
        left.remove(prefix);
        return left;
    }

    private static String read(String file) {
        try {
            return Files.readString(WEB.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
