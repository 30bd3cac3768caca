package dev.pitstop.testing;

import dev.pitstop.compile.Compilation;
import dev.pitstop.compile.ScriptCompiler;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles Java sources in memory for tests of class files (the sandbox, the instrumentation),
 * through the engine's in-memory javac ({@link ScriptCompiler#unrestricted}) against the test's own
 * class path, so a test can also write what a script compiled elsewhere could hold (references to
 * engine internals, say).
 */
public final class Javac {

    private static final List<String> OPTIONS = List.of("-g", "--release", "17", "-proc:none");

    private Javac() {
    }

    /**
     * @param sources source text by path ({@code t/Evil.java})
     * @return class bytes by binary name ({@code t.Evil$1}), sorted by name
     * @throws AssertionError if javac reports an error
     */
    public static Map<String, byte[]> compile(Map<String, String> sources) {
        List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.isEmpty()).map(Path::of).toList();
        Compilation c = ScriptCompiler.unrestricted(classPath, OPTIONS).compileText(sources);
        try {
            return new TreeMap<>(c.classesOrThrow());
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    /** The 1-based line of the first line of {@code source} that contains {@code marker}. */
    public static int lineOf(String source, String marker) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + marker);
    }
}
