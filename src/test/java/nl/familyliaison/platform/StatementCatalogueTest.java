package nl.familyliaison.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The named statements and the Java that runs them agree: every name the service's code asks for is defined in a
 * {@code statements/*.yaml} file, every defined statement is asked for somewhere, no name is defined twice (one file
 * would silently win over the other), and the service loads every statement file there is.
 *
 * <p>A statement call is a call of a method whose name starts with {@code named} or {@code createNamed} (Helidon's
 * {@code DbExecute} methods, and the rate limiter's reading of its SQL); the statement's name is its first string
 * literal argument. A call that names its statement otherwise (a variable, a concatenation) fails the test, because
 * its name could not be checked.
 */
class StatementCatalogueTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path STATEMENTS = Path.of("src", "main", "resources", "statements");
    private static final Pattern STATEMENT_CALL = Pattern.compile("(createNamed|named)[A-Za-z]*");

    /** Statement name → where the Java asks for it. */
    private static final Map<String, List<String>> USED = new TreeMap<>();
    /** Calls without a literal statement name. */
    private static final List<String> UNNAMED = new ArrayList<>();
    /** Statement name → the files defining it. */
    private static final Map<String, List<String>> DEFINED = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        StaticJavaParser.setConfiguration(
                new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                readCalls(file);
            }
        }
        for (String file : StatementFiles.resources()) {
            Config statements = Config.just(ConfigSources.classpath(file)).get("db.statements");
            List<Config> nodes = statements.asNodeList().orElse(List.of());
            assertTrue(!nodes.isEmpty(), file + " defines no statements under db.statements");
            nodes.forEach(node -> DEFINED.computeIfAbsent(node.name(), name -> new ArrayList<>()).add(file));
        }
    }

    private static void readCalls(Path file) throws IOException {
        String where = SOURCES.relativize(file).toString();
        for (MethodCallExpr call : StaticJavaParser.parse(file).findAll(MethodCallExpr.class)) {
            if (!STATEMENT_CALL.matcher(call.getNameAsString()).matches()) {
                continue;
            }
            String line = where + ":" + call.getBegin().map(position -> position.line).orElse(0);
            call.getArguments().stream().filter(StringLiteralExpr.class::isInstance).findFirst()
                    .map(argument -> ((StringLiteralExpr) argument).asString())
                    .ifPresentOrElse(name -> USED.computeIfAbsent(name, n -> new ArrayList<>()).add(line),
                                     () -> UNNAMED.add(line + " " + call));
        }
    }

    @Test
    void everyStatementTheCodeAsksForIsDefined() {
        Map<String, List<String>> missing = new TreeMap<>(USED);
        missing.keySet().removeAll(DEFINED.keySet());
        assertEquals(Map.of(), missing, "Statements used in src/main/java but defined in no statements/*.yaml");
    }

    @Test
    void everyDefinedStatementIsUsed() {
        Map<String, List<String>> unused = new TreeMap<>(DEFINED);
        unused.keySet().removeAll(USED.keySet());
        assertEquals(Map.of(), unused, "Statements defined but never used in src/main/java (delete them)");
    }

    @Test
    void everyStatementCallNamesItsStatementLiterally() {
        assertEquals(List.of(), UNNAMED, "Statement calls whose name is not a string literal (the catalogue cannot"
                                         + " check them)");
        assertTrue(USED.size() > 100, "The Java sources were read: " + USED.size() + " statement names found");
    }

    @Test
    void noStatementIsDefinedTwice() {
        Map<String, List<String>> twice = new TreeMap<>(DEFINED);
        twice.values().removeIf(files -> files.size() == 1);
        assertEquals(Map.of(), twice, "Statements defined in more than one file (only one of them would count)");
    }

    @Test
    void theServiceLoadsEveryStatementFileAndStatement() throws IOException {
        Set<String> inSources;
        try (Stream<Path> files = Files.list(STATEMENTS)) {
            inSources = new TreeSet<>(files.map(file -> "statements/" + file.getFileName()).toList());
        }
        assertEquals(inSources, new TreeSet<>(StatementFiles.resources()));
        Config loaded = Settings.withOverrides(ConfigSources.create(Map.of()).build(), Map.of()).get("db.statements");
        Set<String> names = new TreeSet<>();
        loaded.asNodeList().orElse(List.of()).forEach(node -> names.add(node.name()));
        assertEquals(DEFINED.keySet(), names);
    }
}
