package nl.familyliaison;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Keeps the production code small enough to read: a file of at most 300 lines, a method (or constructor) of at most
 * 40 lines, from its first line to its closing brace. The JDK's own parser reads the sources, so text blocks, strings
 * and comments with braces in them cannot fool the count.
 */
class SourceSizeTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final int MAX_FILE_LINES = 300;
    private static final int MAX_METHOD_LINES = 40;

    @Test
    void noFileIsOverThreeHundredLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path file : sources()) {
            long lines = Files.readAllLines(file).size();
            if (lines > MAX_FILE_LINES) {
                tooLong.add(SOURCES.relativize(file) + " has " + lines + " lines");
            }
        }
        assertEquals(List.of(), tooLong, "files over " + MAX_FILE_LINES + " lines");
    }

    @Test
    void noMethodIsOverFortyLines() throws IOException {
        assertEquals(List.of(), methodsOver(MAX_METHOD_LINES, sources()), "methods over " + MAX_METHOD_LINES + " lines");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Parses (without compiling) the given files and names every method longer than the limit. */
    static List<String> methodsOver(int limit, List<Path> files) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) compiler.getTask(null, fileManager, null, List.of("-proc:none"), null,
                                                          fileManager.getJavaFileObjectsFromPaths(files));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            List<String> tooLong = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                LineMap lines = unit.getLineMap();
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitMethod(MethodTree method, Void unused) {
                        long first = lines.getLineNumber(positions.getStartPosition(unit, method));
                        long last = lines.getLineNumber(positions.getEndPosition(unit, method));
                        if (method.getBody() != null && last - first + 1 > limit) {
                            tooLong.add(Path.of(unit.getSourceFile().toUri()).getFileName() + " "
                                        + method.getName() + " (line " + first + ") has " + (last - first + 1)
                                        + " lines");
                        }
                        return super.visitMethod(method, unused);
                    }
                }.scan(unit, null);
            }
            return tooLong;
        }
    }
}
