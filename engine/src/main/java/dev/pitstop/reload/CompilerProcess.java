package dev.pitstop.reload;

import dev.pitstop.compile.Compilation;
import dev.pitstop.compile.CompileServer;
import dev.pitstop.compile.ScriptCompiler;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * javac in a JVM of its own ({@link CompileServer}), as build tools run their compilers: a script
 * that makes javac take gigabytes or minutes costs that JVM its heap limit or its life, not the
 * game's heap or the reload thread, and javac's garbage never reaches the game's collector. A
 * compile that gets no answer within {@link #ANSWER_DEADLINE} (its JVM killed then), or whose JVM
 * ends, gave up: the result says why, and a fresh JVM is started and warmed for the next attempt.
 *
 * <p>Made on the main thread when the engine starts (it waits until the server is ready);
 * {@link #compile} and {@link #warmUp} are called by one thread at a time (the main thread for
 * generation 1, then the reload thread); {@link #close} by any thread, at any time, and it ends
 * the server.
 */
final class CompilerProcess implements SourceCompiler, AutoCloseable {

    /** How long a compile may take before the engine gives up on it (and kills its JVM). */
    static final Duration ANSWER_DEADLINE = Duration.ofSeconds(5);
    /** The server's heap limit, in MiB: over ten times what javac needs for 200 scripts. */
    static final int HEAP_MIB = 384;
    static final int WARM_UP_COMPILES = 3;

    private final List<String> command;
    private final Duration deadline;
    /** The daemons to try before a child of our own; null for none. */
    private final CompileDaemons daemons;
    private final ScheduledThreadPoolExecutor timer;
    private CompileLink current;
    private boolean closed;
    /** The last complete set of sources that compiled: what a fresh server warms itself on. */
    private volatile Map<String, byte[]> warmSources;

    /**
     * Starts the compile server for scripts that see {@code scriptClassPath}, and waits until it
     * is ready (for at most {@link #ANSWER_DEADLINE}).
     *
     * @throws IllegalStateException in one line, if it cannot be started or does not get ready
     */
    static CompilerProcess start(List<Path> scriptClassPath) {
        return start(scriptClassPath, List.of(), null);
    }

    /**
     * A compile server that also shows scripts {@code hostPackages}, a host's own API (see
     * {@link HostScripts}); with a {@code daemonFolder}, the daemon there that serves the same
     * command line if one can, else a child of this engine's own.
     */
    static CompilerProcess start(List<Path> scriptClassPath, List<String> hostPackages, Path daemonFolder) {
        List<String> serverArgs = new ArrayList<>();
        hostPackages.forEach(p -> serverArgs.add(ScriptCompiler.VISIBLE_OPTION + p));
        scriptClassPath.forEach(p -> serverArgs.add(p.toString()));
        CompileDaemons daemons = daemonFolder == null ? null : new CompileDaemons(daemonFolder, jvm(), serverArgs);
        return new CompilerProcess(childCommand(serverArgs), ANSWER_DEADLINE, daemons);
    }

    /** @param command how to start a server; {@code deadline} how long to wait for any answer */
    CompilerProcess(List<String> command, Duration deadline) {
        this(command, deadline, null);
    }

    private CompilerProcess(List<String> command, Duration deadline, CompileDaemons daemons) {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("the compile server needs a command line, was " + command);
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the compile deadline must be positive, was " + deadline);
        }
        this.command = List.copyOf(command);
        this.deadline = deadline;
        this.daemons = daemons;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pitstop-compiler-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        CompileLink first;
        try {
            first = open();
        } catch (IOException e) {
            timer.shutdownNow();
            throw new IllegalStateException("cannot start the compiler process (" + this.command.get(0) + "): "
                    + e.getMessage(), e);
        }
        ScheduledFuture<?> expiry = timer.schedule(first::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            first.awaitReady();
        } catch (IOException e) {
            expiry.cancel(false);
            String why = first.whyGone(e, deadline, HEAP_MIB);
            first.close();
            timer.shutdownNow();
            throw new IllegalStateException("the compiler process did not start: " + why, e);
        }
        expiry.cancel(false);
        synchronized (this) {
            current = watched(first);
        }
    }

    /**
     * The server's command line: this Java with the engine's classes only (javac needs nothing else
     * from the engine) and flags chosen by measurement (20 and 200 generated behaviours, JDK 17,
     * 2 cores): javac's live set stays under 24 MiB even for 200 scripts, so {@link #HEAP_MIB}
     * leaves room for unusual scripts while an OutOfMemoryError ends the JVM rather than leaving it
     * half-working; the serial collector and a small initial heap halve its memory (90 against
     * 190 MiB resident); C1 alone reaches the same warm one-file compile time (13 to 23 ms over
     * several runs, as with C2) for half the CPU time (5 s against 10 to 11 s for 20 full and 80
     * one-file compiles), which on two cores is CPU the game does not lose to C2.
     */
    static List<String> command(List<Path> scriptClassPath) {
        return childCommand(scriptClassPath.stream().map(Path::toString).toList());
    }

    /** A child's command line: the server's JVM, this engine's process id (it ends with it), its arguments. */
    private static List<String> childCommand(List<String> serverArgs) {
        List<String> cmd = new ArrayList<>(jvm());
        cmd.add(Long.toString(ProcessHandle.current().pid()));
        cmd.addAll(serverArgs);
        return cmd;
    }

    /** The server's JVM and main class: the command line up to its arguments. */
    private static List<String> jvm() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + HEAP_MIB + "m");
        cmd.add("-Xms16m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:-UsePerfData");
        // Our own child JVM: opening javac's internals to its classes lets it keep one javac context
        // between compiles (ReusedContext), instead of reading the JDK's classes again at every save.
        for (String p : ScriptCompiler.JAVAC_INTERNALS) {
            cmd.add("--add-exports=jdk.compiler/" + p + "=ALL-UNNAMED");
        }
        cmd.add("-cp");
        cmd.add(ScriptCompiler.locationOf(CompileServer.class).toString());
        cmd.add(CompileServer.class.getName());
        return cmd;
    }

    /**
     * A daemon's link if one serves, else a child of our own. A daemon that served a compile
     * before is warm already: it does not warm itself again.
     */
    private CompileLink open() throws IOException {
        if (daemons != null) {
            CompileLink d = daemons.connect(deadline);
            if (d != null) {
                return d;
            }
        }
        return CompilerChild.start(command);
    }

    /** How the compile daemon was used, for the start event: off, started, reused, or why not. */
    synchronized String daemonStatus() {
        return daemons == null ? "off" : daemons.status();
    }

    @Override
    public CompileResult compile(Map<String, byte[]> sources, Map<String, byte[]> classes) {
        CompileLink child;
        try {
            child = child();
        } catch (IOException e) {
            return gaveUp(sources, "its process could not be started (" + e.getMessage() + ")");
        }
        ScheduledFuture<?> expiry;
        try {
            expiry = timer.schedule(child::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            return gaveUp(sources, "the engine is closing");
        }
        Compilation c;
        try {
            c = child.compile(sources, classes);
        } catch (IOException e) {
            expiry.cancel(false);
            if (isClosed()) {
                return gaveUp(sources, "the engine is closing");
            }
            String why = child.whyGone(e, deadline, HEAP_MIB);
            replace(child);
            return gaveUp(sources, why);
        }
        expiry.cancel(false);
        if (classes.isEmpty() && c.ok()) {
            warmSources = Map.copyOf(sources);
            // Generation 1 compiled: the process warms itself now, while the engine checks and
            // loads it and starts the game, rather than once the game runs.
            warm(child);
        }
        return CompileResult.of(c);
    }

    private static CompileResult gaveUp(Map<String, byte[]> sources, String why) {
        String file = sources.size() == 1 ? sources.keySet().iterator().next() : null;
        return CompileResult.gaveUp(new Diagnostic(file, 0, 0, "the compiler gave up: " + why), sources.size());
    }

    /**
     * Lets the server warm itself on the last sources that compiled, while nobody waits for it
     * (the engine calls this once the game runs; a process asks itself once, when generation 1
     * compiled). Returns at once.
     */
    void warmUp() {
        synchronized (this) {
            if (!closed && current != null && current.alive()) {
                warm(current);
            }
        }
    }

    /** The server to ask: the current one, or a new one if it is gone (it then starts cold). */
    private synchronized CompileLink child() throws IOException {
        if (closed) {
            throw new IOException("the engine is closing");
        }
        if (current == null || !current.alive()) {
            if (current != null) {
                current.close();
            }
            current = null;
            current = watched(open());
        }
        return current;
    }

    /** {@code dead} failed: kill it and start a fresh server now, warming itself, for the next attempt. */
    private synchronized void replace(CompileLink dead) {
        dead.kill();
        if (closed || current != dead) {
            return;
        }
        current = null;
        try {
            current = watched(open());
            warm(current);
        } catch (IOException e) {
            // The next compile tries again and says why if it still cannot.
        }
    }

    /**
     * A server that answered before and dies between compiles (killed from outside, say) is
     * replaced at once. One that never answered is replaced only when the next compile needs it, so
     * that a server that cannot live cannot make the engine start JVMs in a loop.
     */
    private CompileLink watched(CompileLink child) {
        // Weakly: a daemon outlives the engine by half an hour, and its exit must not keep a closed
        // engine's compiler (and the sources it warms on) reachable that long.
        WeakReference<CompilerProcess> self = new WeakReference<>(this);
        child.onExit().thenRunAsync(() -> {
            CompilerProcess p = self.get();
            if (p != null) {
                p.ended(child);
            }
        }, timer);
        return child;
    }

    /** {@code child}'s process ended: replaced at once if it was the current one and had answered. Timer thread. */
    private synchronized void ended(CompileLink child) {
        if (!closed && current == child && child.answered()) {
            replace(child);
        }
    }

    /** Asks {@code child} to warm itself on the last sources that compiled, once in its life. */
    private void warm(CompileLink child) {
        Map<String, byte[]> sources = warmSources;
        if (sources != null && child.firstWarmUp()) {
            child.warmUpLater(sources, WARM_UP_COMPILES);
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        CompileLink last;
        synchronized (this) {
            closed = true;
            last = current;
            current = null;
        }
        if (last != null) {
            last.close();
        }
        timer.shutdownNow();
    }
}
