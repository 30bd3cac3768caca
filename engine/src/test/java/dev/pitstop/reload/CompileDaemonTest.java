package dev.pitstop.reload;

import static dev.pitstop.reload.CompilerProcessTest.A;
import static dev.pitstop.reload.CompilerProcessTest.servers;
import static dev.pitstop.reload.CompilerProcessTest.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.pitstop.testing.Stats.awaitSpeed;

import dev.pitstop.compile.ScriptCompiler;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile daemon: javac that outlives an engine and serves the next one warm, with real
 * processes and sockets, attacked as a careless user or a hostile script would: two engines at
 * once, a folder others can open, the daemon killed from outside, a compile that runs away.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "compile daemons are for Unix domain sockets in a private folder")
class CompileDaemonTest {

    private static final String B = "package p;\nclass B {\n    int v = A.V;\n}\n";
    private static final Pattern PROCESS = Pattern.compile("\\(process (\\d+)\\)");

    @TempDir
    Path dir;

    private Path folder() {
        return dir.resolve("daemons");
    }

    private CompilerProcess start() {
        return CompilerProcess.start(ScriptCompiler.scriptClassPath(), List.of(), folder());
    }

    private static ProcessHandle daemonOf(CompilerProcess javac) {
        Matcher m = PROCESS.matcher(javac.daemonStatus());
        assertTrue(m.find(), javac.daemonStatus());
        return ProcessHandle.of(Long.parseLong(m.group(1))).orElseThrow();
    }

    /** Deleting the folder ends its daemons: nothing of a test outlives it. */
    @AfterEach
    void endTheDaemons() throws Exception {
        List<ProcessHandle> daemons = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(folder().toString())).toList();
        deleteFolder();
        for (ProcessHandle d : daemons) {
            d.onExit().get(1, TimeUnit.MINUTES);
        }
        assertEquals(List.of(), servers(), "no engine's own compile server outlives it");
    }

    private void deleteFolder() throws Exception {
        if (!Files.exists(folder())) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder())) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void theNextEngineFindsTheDaemonOfTheLastOneAliveAndCompilingInAFolderOnlyItsUserOpens() throws Exception {
        ProcessHandle daemon;
        try (CompilerProcess first = start()) {
            assertTrue(first.daemonStatus().startsWith("started (process "), first.daemonStatus());
            CompileResult a = first.compile(sources("p/A.java", A));
            assertTrue(a.ok(), a.errors().toString());
            daemon = daemonOf(first);
            assertEquals(List.of(), servers(), "no compile server of the engine's own");
        }
        assertTrue(daemon.isAlive(), "the daemon outlives the engine");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder())));

        try (CompilerProcess second = start()) {
            assertEquals("reused (process " + daemon.pid() + ")", second.daemonStatus());
            CompileResult a = second.compile(sources("p/A.java", A));
            CompileResult b = second.compile(sources("p/B.java", B), a.classes());
            assertTrue(b.ok(), b.errors().toString());
            assertEquals(List.of("p.B"), List.copyOf(b.classes().keySet()));
        }
    }

    /** An engine that quits while the daemon warms itself on its sources does not leave it busy for the next. */
    @Test
    void anEngineThatQuitsDuringTheDaemonsWarmUpLeavesItFreeForTheNext() throws Exception {
        long pid;
        Path socket;
        try (CompilerProcess first = start()) {
            pid = daemonOf(first).pid(); // started, and not warmed yet: it warms itself once in its life
        }
        try (Stream<Path> files = Files.list(folder())) {
            socket = files.filter(f -> f.toString().endsWith(".sock")).findFirst().orElseThrow();
        }
        java.util.Map<String, byte[]> many = new java.util.TreeMap<>(sources("p/A.java", A));
        for (int i = 0; i < 40; i++) {
            many.putAll(sources("p/C" + i + ".java", "package p;\nclass C" + i + " {\n    int v = " + i
                    + " + A.V;\n    String s() { return \"c\" + v + java.util.List.of(v).size(); }\n}\n"));
        }
        // An engine asks for a long warm-up (a full build, then 60 one-file builds) and leaves at once.
        try (java.nio.channels.SocketChannel engine = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(socket))) {
            java.io.DataInputStream in = new java.io.DataInputStream(new dev.pitstop.compile.CompileDaemon.ChannelInput(engine));
            dev.pitstop.compile.CompileProtocol.readHello(in);
            java.io.DataOutputStream out = new java.io.DataOutputStream(new dev.pitstop.compile.CompileDaemon.ChannelOutput(engine));
            dev.pitstop.compile.CompileProtocol.writeWarmUp(out, many, 3);
            out.flush();
        }
        try (CompilerProcess next = start()) {
            assertEquals("reused (process " + pid + ")", next.daemonStatus(), "its warm-up stopped when the engine left");
        }
    }

    @Test
    void anEngineThatFindsTheDaemonBusyCompilesInAServerOfItsOwn() throws Exception {
        try (CompilerProcess first = start(); CompilerProcess second = start()) {
            assertTrue(first.daemonStatus().startsWith("started"), first.daemonStatus());
            assertEquals("not used: another engine is using it", second.daemonStatus());
            assertEquals(1, servers().size(), "the second engine's own server");
            assertTrue(second.compile(sources("p/A.java", A)).ok());
            assertTrue(first.compile(sources("p/A.java", A)).ok());
        }
    }

    @Test
    void aFolderOthersCanOpenIsNotUsed() throws Exception {
        Files.createDirectories(folder(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(folder(), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (CompilerProcess javac = start()) {
            assertTrue(javac.daemonStatus().startsWith("not used: " + folder().toAbsolutePath().normalize()
                    + " is not private to "), javac.daemonStatus());
            assertTrue(javac.compile(sources("p/A.java", A)).ok());
            assertEquals(1, servers().size(), "a server of the engine's own");
        }
        try (Stream<Path> files = Files.list(folder())) {
            assertEquals(List.of(), files.toList(), "no socket where others could reach it");
        }
    }

    @Test
    void aDaemonKilledFromOutsideIsReplacedByAFreshOne() throws Exception {
        try (CompilerProcess javac = start()) {
            CompileResult a = javac.compile(sources("p/A.java", A));
            ProcessHandle daemon = daemonOf(javac);
            daemon.destroyForcibly();
            daemon.onExit().get(1, TimeUnit.MINUTES);
            CompileResult b = javac.compile(sources("p/B.java", B), a.classes());
            assertTrue(b.ok(), b.errors().toString());
            assertNotEquals(daemon.pid(), daemonOf(javac).pid());
            assertTrue(javac.daemonStatus().startsWith("started"), javac.daemonStatus());
        }
    }

    @Test
    void deletingItsFolderEndsADaemon() throws Exception {
        ProcessHandle daemon;
        try (CompilerProcess javac = start()) {
            assertTrue(javac.compile(sources("p/A.java", A)).ok());
            daemon = daemonOf(javac);
        }
        assertTrue(daemon.isAlive());
        deleteFolder();
        daemon.onExit().get(1, TimeUnit.MINUTES);
        assertFalse(daemon.isAlive());
    }

    /** The bomb that makes javac run out of its heap ends the daemon, not the engine; the next compile gets a fresh one. */
    @Test
    void aCompileThatRunsAwayEndsTheDaemonAndTheNextCompileStartsAFreshOne() throws Exception {
        try (CompilerProcess javac = start()) {
            ProcessHandle daemon = daemonOf(javac);
            CompileResult r = javac.compile(sources("t/Bomb.java", RunawayCompilerTest.bomb("Bomb")));
            assertTrue(r.gaveUp(), r.errors().toString());
            String message = r.errors().get(0).message();
            assertTrue(message.startsWith("the compiler gave up: "), message);
            daemon.onExit().get(1, TimeUnit.MINUTES);
            CompileResult a = javac.compile(sources("p/A.java", A));
            assertTrue(a.ok(), a.errors().toString());
            assertNotEquals(daemon.pid(), daemonOf(javac).pid());
        }
    }

    /** A daemon nobody uses ends by itself after its idle time, and takes its socket with it. */
    @Test
    void anIdleDaemonEndsByItselfAndTakesItsSocketWithIt() throws Exception {
        Files.createDirectories(folder(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = folder().resolve("idle.sock");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String p : ScriptCompiler.JAVAC_INTERNALS) {
            cmd.add("--add-exports=jdk.compiler/" + p + "=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-cp", ScriptCompiler.locationOf(dev.pitstop.compile.CompileServer.class).toString(),
                dev.pitstop.compile.CompileServer.class.getName(), dev.pitstop.compile.CompileServer.DAEMON_OPTION,
                socket.toString(), "2"));
        ScriptCompiler.scriptClassPath().forEach(p -> cmd.add(p.toString()));
        Path log = folder().resolve("idle.log");
        Process daemon = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // Its socket file exists a moment before it listens (bind, then listen): try until it answers.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            java.nio.channels.SocketChannel engine = null;
            while (engine == null) {
                try {
                    engine = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket));
                } catch (java.io.IOException notYet) {
                    assertTrue(System.nanoTime() < until && daemon.isAlive(), "it never listened: " + Files.readString(log));
                    Thread.sleep(20); // another process: nothing to wait on
                }
            }
            try (java.nio.channels.SocketChannel served = engine) {
                dev.pitstop.compile.CompileProtocol.readHello(new java.io.DataInputStream(
                        new dev.pitstop.compile.CompileDaemon.ChannelInput(served)));
            }
            assertTrue(daemon.waitFor(1, TimeUnit.MINUTES), "it ended by itself: " + Files.readString(log));
            assertEquals(0, daemon.exitValue());
            assertFalse(Files.exists(socket), "its socket went with it");
            assertTrue(Files.readString(log).contains("idle for 2 s; ending"), Files.readString(log));
        } finally {
            daemon.destroyForcibly();
        }
    }

    /**
     * Through the command line, as a user runs it (the daemon is on unless {@code --compile-daemon
     * off}): the game quits, starts again, finds the same daemon, and its first save swaps.
     */
    @Test
    void aGameStartedAgainUsesTheSameDaemonAndItsFirstSaveSwaps() throws Exception {
        Path scripts = dir.resolve("scripts");
        Scripts.write(scripts, "t/Good.java", Scripts.mover("Good", "3f"));
        String first;
        try (RunningEngine e = RunningEngine.headless("--scripts", scripts.toString(), "--spawn", "Good=2")) {
            first = String.valueOf(e.await(0, "start").get("compileDaemon"));
            awaitSpeed(e, 0, "Good", 3);
        }
        // The build's daemon folder is under target/: a checkout deep enough makes its socket path too long.
        org.junit.jupiter.api.Assumptions.assumeFalse(first.contains("too long"), first);
        assertTrue(first.startsWith("started (process ") || first.startsWith("reused (process "), first);
        try (RunningEngine e = RunningEngine.headless("--scripts", scripts.toString(), "--spawn", "Good=2")) {
            assertEquals("reused " + first.substring(first.indexOf('(')), e.await(0, "start").get("compileDaemon"));
            int m = e.mark();
            Scripts.write(scripts, "t/Good.java", Scripts.mover("Good", "5f"));
            e.await(m, "swap");
            awaitSpeed(e, m, "Good", 5);
        }
        try (RunningEngine e = RunningEngine.headless("--scripts", scripts.toString(), "--spawn", "Good=2",
                "--compile-daemon", "off")) {
            assertEquals("off", e.await(0, "start").get("compileDaemon"));
            assertEquals(1, servers().size(), "a compile server of the engine's own");
        }
    }
}
