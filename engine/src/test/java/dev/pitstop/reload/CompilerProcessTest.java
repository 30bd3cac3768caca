package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.compile.CompileProtocol;
import dev.pitstop.compile.CompileServer;
import dev.pitstop.compile.FakeCompileServer;
import dev.pitstop.compile.ScriptCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's side of the compile process: answers, deadlines, deaths and restarts, with real processes. */
class CompilerProcessTest {

    /** Long enough for any JVM to start and say hello, however busy the machine; the mute server never answers. */
    private static final Duration TEST_DEADLINE = Duration.ofSeconds(3);

    static final String A = "package p;\npublic class A {\n    public static final int V = 1;\n}\n";

    static Map<String, byte[]> sources(String... pathsAndTexts) {
        Map<String, byte[]> m = new TreeMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            m.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    /** Compile servers (real or fake) running under this JVM as an engine's children; daemons (which outlive engines) not. */
    static List<ProcessHandle> servers() {
        return ProcessHandle.current().descendants().filter(p -> {
            String cmd = p.info().commandLine().orElse("");
            return (cmd.contains(CompileServer.class.getName()) || cmd.contains(FakeCompileServer.class.getName()))
                    && !cmd.contains(" " + CompileServer.DAEMON_OPTION + " ");
        }).toList();
    }

    static ProcessHandle onlyServer() {
        List<ProcessHandle> all = servers();
        assertEquals(1, all.size(), "one compile server: " + all);
        return all.get(0);
    }

    private static List<String> fake(String mode) throws Exception {
        String cp = Path.of(FakeCompileServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + java.io.File.pathSeparator
                + Path.of(CompileProtocol.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                FakeCompileServer.class.getName(), mode);
    }

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), servers(), "no compile server outlives its CompilerProcess");
    }

    @Test
    void compilesAndComesBackAfterItsProcessIsKilledFromOutside() throws Exception {
        try (CompilerProcess javac = CompilerProcess.start(ScriptCompiler.scriptClassPath())) {
            CompileResult a = javac.compile(sources("p/A.java", A));
            assertTrue(a.ok(), a.errors().toString());
            assertEquals(List.of("p.A"), List.copyOf(a.classes().keySet()));

            ProcessHandle first = onlyServer();
            first.destroyForcibly();
            first.onExit().get(1, TimeUnit.MINUTES);
            CompileResult b = javac.compile(sources("p/B.java", "package p;\nclass B {\n    int v = A.V;\n}\n"), a.classes());
            assertTrue(b.ok(), b.errors().toString());
            assertNotEquals(first.pid(), onlyServer().pid());
        }
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsKilledAndAFreshOneStarted() throws Exception {
        try (CompilerProcess javac = new CompilerProcess(fake("mute"), TEST_DEADLINE)) {
            ProcessHandle first = onlyServer();
            CompileResult r = javac.compile(sources("p/A.java", A));
            assertTrue(r.gaveUp());
            assertEquals(List.of(new Diagnostic("p/A.java", 0, 0, "the compiler gave up: no answer within 3 s")), r.errors());
            first.onExit().get(1, TimeUnit.MINUTES);
            assertNotEquals(first.pid(), onlyServer().pid(), "a fresh one waits for the next compile");
        }
    }

    @Test
    void aServerThatEndsSaysItsExitCodeAndWhatItLastSaid() throws Exception {
        try (CompilerProcess javac = new CompilerProcess(fake("exit7"), TEST_DEADLINE)) {
            CompileResult r = javac.compile(sources("p/A.java", A, "p/B.java", "package p;\nclass B { }\n"));
            assertTrue(r.gaveUp());
            assertEquals(List.of(new Diagnostic(null, 0, 0,
                    "the compiler gave up: its process ended with exit code 7 (fake server: asked to leave)")), r.errors(),
                    "no file named when several were compiled");
        }
    }

    @Test
    void aServerThatAnswersNonsenseIsKilled() throws Exception {
        try (CompilerProcess javac = new CompilerProcess(fake("nonsense"), TEST_DEADLINE)) {
            ProcessHandle first = onlyServer();
            CompileResult r = javac.compile(sources("p/A.java", A));
            assertTrue(r.gaveUp());
            String message = r.errors().get(0).message();
            assertTrue(message.startsWith("the compiler gave up: it answered something unreadable (malformed frame"), message);
            first.onExit().get(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void aServerThatCannotStartIsOneClearLine() throws Exception {
        IllegalStateException noJava = assertThrows(IllegalStateException.class,
                () -> new CompilerProcess(List.of("/nonexistent/bin/java"), TEST_DEADLINE));
        assertTrue(noJava.getMessage().startsWith("cannot start the compiler process (/nonexistent/bin/java): "),
                noJava.getMessage());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        IllegalStateException noMain = assertThrows(IllegalStateException.class,
                () -> new CompilerProcess(List.of(java, "-cp", "/nonexistent", "NoSuchServer"), TEST_DEADLINE));
        assertEquals("the compiler process did not start: its process ended with exit code 1 before it was ready "
                + "(Error: Could not find or load main class NoSuchServer)", noMain.getMessage());

        List<String> twoCollectors = new java.util.ArrayList<>(CompilerProcess.command(ScriptCompiler.scriptClassPath()));
        twoCollectors.add(1, "-XX:+UseParallelGC");
        IllegalStateException noVm = assertThrows(IllegalStateException.class,
                () -> new CompilerProcess(twoCollectors, TEST_DEADLINE));
        assertEquals("the compiler process did not start: its process ended with exit code 1 before it was ready "
                + "(Error occurred during initialization of VM; Multiple garbage collectors selected)", noVm.getMessage(),
                "what the JVM printed on standard output, where the hello should have been");
    }
}
