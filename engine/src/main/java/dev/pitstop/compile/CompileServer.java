package dev.pitstop.compile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compile server: javac in a JVM of its own, started by the engine, so that javac's memory and
 * time, whatever a script makes of them, are bounded by that JVM's heap limit and by the engine's
 * deadline, and never come out of the game's heap. It answers {@link CompileProtocol} requests on
 * standard input and output, one at a time, with one {@link ScriptCompiler} kept warm for its
 * whole life; anything else it has to say goes to standard error.
 *
 * <p>{@code java -cp ENGINE dev.pitstop.compile.CompileServer ENGINE_PID SCRIPT_CLASS_PATH...}, or as a
 * daemon that outlives the engine, {@link CompileDaemon}.
 *
 * <p>Its main thread does everything. It ends when the engine closes its standard input, when the
 * engine's process ends (even in the middle of a compile), or, run as the engine runs it, at its
 * first {@link OutOfMemoryError} ({@code -XX:+ExitOnOutOfMemoryError}).
 */
public final class CompileServer {

    /** One-file compiles per warm-up round. */
    private static final int ONE_FILE_WARM_UPS = 20;
    /**
     * One-file warm-up compiles a server makes in its life, its first rounds' included, the rest in
     * idle time between requests: javac (its context kept, C1) comes under 10 ms after about 20 and
     * settles at 3 to 5 ms after about 150.
     */
    static final int IDLE_WARM_UPS = 200;
    /** How long after an answer the idle warm-up waits: the rest of that build happens meanwhile. */
    private static final long QUIET_AFTER_ANSWER_NANOS = 500_000_000L;

    /** The first argument that makes it a daemon ({@link CompileDaemon}) rather than the engine's child. */
    public static final String DAEMON_OPTION = "--daemon";

    private final ScriptCompiler javac;
    /** A real compile is running (a daemon ends if its engine leaves in the middle of one). */
    private volatile boolean compiling;
    /** A server warms itself once in its life: a daemon that served a game before is warm. */
    private boolean warmedUp;
    /** What it warms on in idle time: the sources of its warm-up, their files in order, their full compile; or null. */
    private Map<String, byte[]> warmSources;
    private List<String> warmFiles;
    private Compilation warmAll;
    /** One-file warm-up compiles made so far, in its whole life (a daemon's too, across games). */
    private volatile int warmCompiles;
    /** When the last compile was answered ({@link System#nanoTime}); long ago at first. */
    private long answeredAt = System.nanoTime() - QUIET_AFTER_ANSWER_NANOS;
    private final int lifeWarmUps;

    /** @param javac the one compiler every request uses */
    public CompileServer(ScriptCompiler javac) {
        this(javac, IDLE_WARM_UPS);
    }

    /** @param lifeWarmUps one-file warm-up compiles in its life, the first rounds' included */
    CompileServer(ScriptCompiler javac, int lifeWarmUps) {
        if (javac == null) {
            throw new IllegalArgumentException("a compile server needs a compiler");
        }
        this.javac = javac;
        this.lifeWarmUps = lifeWarmUps;
    }

    /** One-file warm-up compiles made so far. Any thread. */
    int warmCompiles() {
        return warmCompiles;
    }

    public static void main(String[] args) {
        boolean daemon = args.length > 0 && args[0].equals(DAEMON_OPTION);
        int first = daemon ? 3 : 1;
        if (args.length < first + 1) {
            System.err.println("usage: CompileServer ENGINE_PID [--visible=PACKAGE]... SCRIPT_CLASS_PATH...\n"
                    + "       CompileServer " + DAEMON_OPTION + " SOCKET IDLE_SECONDS [--visible=PACKAGE]... SCRIPT_CLASS_PATH...");
            System.exit(2);
        }
        List<Path> classPath = new ArrayList<>();
        List<String> hostPackages = new ArrayList<>();
        for (int i = first; i < args.length; i++) {
            if (args[i].startsWith(ScriptCompiler.VISIBLE_OPTION)) {
                hostPackages.add(args[i].substring(ScriptCompiler.VISIBLE_OPTION.length()));
            } else {
                classPath.add(Path.of(args[i]));
            }
        }
        if (daemon) {
            CompileDaemon.main(List.of(args[1], args[2]), classPath, hostPackages);
            return;
        }
        // The frames own standard output: a stray println anywhere in this JVM must not corrupt them.
        OutputStream frames = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        exitWith(args[0]);
        int exit;
        try {
            exit = new CompileServer(new ScriptCompiler(classPath, hostPackages)).serve(System.in, frames);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("compile server: " + e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }

    /** Whether a real compile is running now. Any thread. */
    boolean compiling() {
        return compiling;
    }

    /**
     * A compile in progress does not read standard input, so it would not notice the engine end;
     * this does, and ends this JVM with it.
     */
    private static void exitWith(String enginePid) {
        Optional<ProcessHandle> engine;
        try {
            engine = ProcessHandle.of(Long.parseLong(enginePid));
        } catch (NumberFormatException e) {
            System.err.println("compile server: the engine's process id must be a number, not '" + enginePid + "'");
            System.exit(2);
            return;
        }
        if (engine.isEmpty()) {
            System.exit(0);
        }
        engine.get().onExit().thenRun(() -> Runtime.getRuntime().halt(0));
    }

    /**
     * Says hello, then answers requests until {@code in} ends.
     *
     * @return the exit code: 0 when the engine closed the stream, 2 when it sent something unreadable
     */
    public int serve(InputStream in, OutputStream out) {
        DataInputStream requests = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        DataOutputStream answers = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        try {
            CompileProtocol.writeHello(answers);
            while (true) {
                warmWhileIdle(requests);
                CompileProtocol.Request r = CompileProtocol.readRequest(requests);
                if (r == null) {
                    return 0;
                }
                if (r.kind() == CompileProtocol.COMPILE) {
                    compiling = true;
                    Compilation c;
                    try {
                        c = javac.compile(r.sources(), r.classes());
                    } finally {
                        compiling = false;
                    }
                    CompileProtocol.writeResult(answers, c);
                    answeredAt = System.nanoTime();
                } else {
                    warmUp(r, requests);
                }
            }
        } catch (IOException e) {
            System.err.println("compile server: " + e.getMessage());
            return 2;
        }
    }

    /**
     * javac's first compiles are ten times slower than later ones (class loading, JIT): compiling
     * the engine's current sources while nobody waits makes the next real request as fast as the
     * rest: one full compile, then {@code times} rounds of {@link #ONE_FILE_WARM_UPS} compiles of
     * single files against the others' classes, as the edits that follow are (measured, 20
     * behaviours, C1, the javac context kept: about 20 one-file compiles to come under 10 ms, about
     * 150 to settle at 3 to 5 ms). Only the first compile is a full one, so that a request that
     * arrives meanwhile, which cuts the warm-up short, waits for one small compile at most; the
     * rest of the life's {@link #IDLE_WARM_UPS} come between requests ({@link #warmWhileIdle}). The
     * first one-file compile is also checked against a fresh javac task
     * ({@link ScriptCompiler#checkAgainstFresh}). Results are thrown away.
     */
    private void warmUp(CompileProtocol.Request r, InputStream requests) throws IOException {
        if (warmedUp || requests.available() != 0) {
            return;
        }
        warmedUp = true;
        Compilation all = javac.compile(r.sources());
        if (!all.ok() || r.sources().size() < 2) {
            return;
        }
        warmSources = r.sources();
        warmFiles = List.copyOf(r.sources().keySet());
        warmAll = all;
        int until = Math.min(lifeWarmUps, r.times() * ONE_FILE_WARM_UPS);
        while (warmCompiles < until && requests.available() == 0) {
            warmOneFile();
        }
    }

    /**
     * Between requests, while none waits: the rest of the life's warm-up ({@link #IDLE_WARM_UPS}
     * one-file compiles), each followed by a rest as long as it took, so that this JVM takes half a
     * core at most while the game starts, and none in the half second after an answer. A request that comes meanwhile waits for one small
     * compile at most.
     */
    private void warmWhileIdle(InputStream requests) throws IOException {
        if (warmSources == null || warmCompiles >= lifeWarmUps) {
            return;
        }
        // Not right after an answer: the game is checking, loading and running what it got, and
        // on two cores a warm-up compile would take the CPU that build needs.
        if (!restUntil(answeredAt + QUIET_AFTER_ANSWER_NANOS, requests)) {
            return;
        }
        while (warmSources != null && warmCompiles < lifeWarmUps && requests.available() == 0) {
            long took = warmOneFile();
            if (!restUntil(System.nanoTime() + took, requests)) {
                return;
            }
        }
    }

    /** Sleeps until {@code nanoTime} or a request comes; false if interrupted. */
    private static boolean restUntil(long nanoTime, InputStream requests) throws IOException {
        while (requests.available() == 0 && System.nanoTime() - nanoTime < 0) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Compiles one of the warm-up's files against the others' classes, as an edit is compiled
     * (the first one also checked against a fresh javac task); the result is thrown away.
     *
     * @return how long it took, in nanoseconds
     */
    private long warmOneFile() {
        long t0 = System.nanoTime();
        String one = warmFiles.get(warmCompiles % warmFiles.size());
        Map<String, byte[]> others = new LinkedHashMap<>();
        warmAll.classes().forEach((name, bytes) -> {
            if (!one.equals(warmAll.sourceOf().get(name))) {
                others.put(name, bytes);
            }
        });
        Map<String, byte[]> source = Map.of(one, warmSources.get(one));
        if (warmCompiles == 0 && !javac.checkAgainstFresh(source, others)) {
            System.err.println("compile server: the kept javac context and a fresh javac made different classes "
                    + "of " + one + "; compiling with a fresh javac task each time from now on");
        }
        warmCompiles++;
        javac.compile(source, others);
        return System.nanoTime() - t0;
    }
}
