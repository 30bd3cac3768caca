package dev.pitstop.compile;

import dev.pitstop.api.Behaviour;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac in memory: sources in, class bytes out, nothing written to disk. One instance is kept for
 * the life of the compile server so that javac's own classes stay loaded and JIT-compiled, the
 * class path's jar indexes stay open (the first compile takes ~10x the later ones) and, where the
 * compile server opens javac's internals, one javac context with the JDK's and the API's classes
 * already read ({@link JavacRunner}). Scripts
 * compile against the scripting API and JOML only: every other package on the class path is
 * hidden from them, so using engine internals is a compile error, not a surprise at run time.
 *
 * <p>The benchmark compiles its scripts with one of these too, as the engine does; tests that
 * compile sources of their own (with engine internals in them, say) use the same in-memory compile
 * through {@link #unrestricted}, which hides nothing and takes their options.
 *
 * <p>Made and called by one thread, the compile server's main thread ({@link CompileServer}), or
 * a test's or tool's thread for its own instance; javac is not thread-safe. The compile server's
 * lives as long as that process.
 */
public final class ScriptCompiler {

    private static final List<String> VISIBLE_PACKAGES = List.of("dev.pitstop.api", "org.joml");
    /** Before a package a compile server is told to show scripts as well, on its command line. */
    public static final String VISIBLE_OPTION = "--visible=";
    private static final List<String> OPTIONS = List.of("-g", "-proc:none", "-Xlint:none", "-encoding", "UTF-8",
            "-Xmaxerrs", "50");

    /** The packages of {@code jdk.compiler} a compile server opens so that javac's context can be kept. */
    public static final List<String> JAVAC_INTERNALS = JavacRunners.INTERNALS;

    private final JavaCompiler javac;
    private final StandardJavaFileManager standard;
    private final List<String> options;
    private JavacRunner runner;
    /**
     * One for every compile: a kept javac context holds on to the file manager of its first task,
     * so what changes from compile to compile (the classes offered, the classes made) is reset in
     * place rather than in a new manager.
     */
    private final MemoryFiles.MemoryFileManager files;

    /**
     * @param classPath where the API and JOML are (class folders or jars)
     * @throws IllegalStateException when this Java has no compiler (a JRE, not a JDK)
     */
    public ScriptCompiler(List<Path> classPath) {
        this(classPath, List.of());
    }

    /**
     * @param classPath    where the API, JOML and a host's own API are (class folders or jars)
     * @param hostPackages packages of a host's own API that scripts see besides ours (none for the game)
     */
    public ScriptCompiler(List<Path> classPath, List<String> hostPackages) {
        this(classPath, withHost(hostPackages), OPTIONS, true);
    }

    private static List<String> withHost(List<String> hostPackages) {
        List<String> visible = new ArrayList<>(VISIBLE_PACKAGES);
        visible.addAll(hostPackages);
        return List.copyOf(visible);
    }

    /**
     * javac in memory for tests and tools that compile sources of their own rather than a script
     * folder: every package of {@code classPath} is visible (engine internals too), javac runs with
     * {@code options} alone (none of the scripts' options) and a fresh javac task every compile.
     * Made and then called by one thread at a time, the test's or tool's (javac is not thread-safe).
     *
     * @param classPath what the sources compile against (class folders or jars)
     * @param options   javac's options, such as {@code -g} or {@code --release 17}; not the class path
     * @throws IllegalStateException when this Java has no compiler (a JRE, not a JDK)
     */
    public static ScriptCompiler unrestricted(List<Path> classPath, List<String> options) {
        return new ScriptCompiler(classPath, null, List.copyOf(options), false);
    }

    /** @param visiblePackages the packages of the class path the sources see, null for all */
    private ScriptCompiler(List<Path> classPath, List<String> visiblePackages, List<String> options,
            boolean keepContext) {
        if (classPath == null || classPath.isEmpty()) {
            throw new IllegalArgumentException("the class path must name what the sources compile against (the API "
                    + "and JOML for scripts), was " + classPath);
        }
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler (javax.tools); run Pitstop on a JDK");
        }
        standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            if (options.contains("-proc:none")) {
                // No processor runs, and scripts use no plugin: an empty processor path spares every
                // compile javac's search of the class path's jars for plugins.
                standard.setLocation(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot set the script class path: " + e.getMessage(), e);
        }
        this.options = options;
        runner = keepContext ? JavacRunners.best(javac, visiblePackages) : new FreshTasks(javac);
        files = new MemoryFiles.MemoryFileManager(standard, visiblePackages);
    }

    /**
     * Where the scripting API and JOML are loaded from in this JVM: the class path scripts compile
     * against. Any thread.
     *
     * @throws IllegalStateException when either was not loaded from a file (a class folder or a jar)
     */
    public static List<Path> scriptClassPath() {
        return List.of(locationOf(Behaviour.class), locationOf(org.joml.Vector2f.class));
    }

    /**
     * The class folder or jar {@code c} was loaded from. Any thread.
     *
     * @throws IllegalStateException when it was not loaded from a file
     */
    public static Path locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find where " + c.getName() + " is loaded from", e);
        }
    }

    /** How javac runs: {@code reused} (one context kept between compiles) or {@code fresh}. */
    public String runner() {
        return runner.name();
    }

    /**
     * Compiles {@code sources} against {@code compiledClasses} both with the runner in use and with
     * a fresh javac task, the reference; if the class files differ in any byte, or only one of
     * the two compiles, the runner is given up for fresh tasks from now on. The compile server
     * checks this while it warms up, so that a JDK whose javac keeps something the runner does
     * not forget costs speed, never a wrong class.
     *
     * @return whether the two agreed
     */
    public boolean checkAgainstFresh(Map<String, byte[]> sources, Map<String, byte[]> compiledClasses) {
        if (runner instanceof FreshTasks) {
            return true;
        }
        Compilation used = compile(sources, compiledClasses);
        JavacRunner kept = runner;
        runner = new FreshTasks(javac);
        Compilation reference = compile(sources, compiledClasses);
        boolean same = sameClasses(used, reference);
        if (same) {
            runner = kept;
        }
        return same;
    }

    private static boolean sameClasses(Compilation a, Compilation b) {
        if (a.ok() != b.ok() || !a.classes().keySet().equals(b.classes().keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : a.classes().entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.classes().get(e.getKey()))) {
                return false;
            }
        }
        return a.errors().equals(b.errors());
    }

    /** Compiles every source; {@code sources} maps a path relative to the script folder to its bytes. */
    public Compilation compile(Map<String, byte[]> sources) {
        return compile(sources, Map.of());
    }

    /**
     * Compiles every source; {@code sources} maps a path relative to the script folder to its text.
     * The thread that made this compiler, as {@link #compile(Map)}.
     */
    public Compilation compileText(Map<String, String> sources) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        sources.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return compile(bytes);
    }

    /**
     * Compiles {@code sources} against {@code compiledClasses} (binary name → class bytes of
     * scripts compiled before, which this compile does not rebuild), as if those were on the class
     * path. The result holds only the classes made from {@code sources}.
     */
    public Compilation compile(Map<String, byte[]> sources, Map<String, byte[]> compiledClasses) {
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : sources.entrySet()) {
            units.add(new MemoryFiles.SourceFile(e.getKey(), decode(e.getValue())));
        }
        if (units.isEmpty()) {
            return new Compilation(Map.of(), Map.of(), List.of(), 0);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        MemoryFiles.MemoryFileManager files = this.files;
        files.prepare(compiledClasses);
        boolean ok;
        try {
            ok = runner.compile(files, diagnostics, options, units);
        } catch (LinkageError e) {
            if (runner instanceof FreshTasks) {
                throw e;
            }
            // javac's internals are not what the kept context was written against: do without it.
            runner = new FreshTasks(javac);
            return compile(sources, compiledClasses);
        } catch (RuntimeException | StackOverflowError e) {
            // javac itself crashed (it happens on some malformed input, or on nesting deep enough
            // to exhaust its stack): report, do not die.
            return new Compilation(Map.of(), Map.of(),
                    List.of(new CompileError(null, 0, 0, "the compiler failed: " + e)), units.size());
        }
        List<CompileError> errors = new ArrayList<>();
        for (javax.tools.Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                String file = d.getSource() instanceof MemoryFiles.SourceFile s ? s.relativePath : null;
                errors.add(new CompileError(file, Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()),
                        oneLine(d.getMessage(Locale.ROOT))));
            }
        }
        if (!ok && errors.isEmpty()) {
            errors.add(new CompileError(null, 0, 0, "compilation failed"));
        }
        if (!errors.isEmpty()) {
            return new Compilation(Map.of(), Map.of(), errors, units.size());
        }
        return new Compilation(files.classes(), files.sourceOf(), List.of(), units.size());
    }

    /** javac's "cannot find symbol\n  symbol: x\n  location: y" as "cannot find symbol (symbol: x; location: y)". */
    static String oneLine(String message) {
        String[] lines = message.strip().split("\\R");
        if (lines.length == 1) {
            return lines[0];
        }
        StringBuilder sb = new StringBuilder(lines[0].strip()).append(" (");
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip().replaceAll("\\s+", " ");
            if (!l.isEmpty()) {
                sb.append(i > 1 ? "; " : "").append(l);
            }
        }
        return sb.append(')').toString();
    }

    /** Bytes that are not UTF-8 (a binary file named .java) become U+FFFD, which javac then reports. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

}
