package dev.pitstop.reload;

import dev.pitstop.compile.Compilation;
import dev.pitstop.compile.CompileProtocol;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One compile server process and the pipes to it. {@link CompilerProcess} starts it and hands it
 * one request at a time from the compiling thread (the reload thread, or the main thread for
 * generation 1); a warm-up thread may write one frame early in its life; the deadline timer may
 * {@link #expire} it at any moment. It lives until it is killed or ends by itself; then it is
 * replaced, never reused.
 */
final class CompilerChild {

    /** How much of the server's standard error is kept to explain its end. */
    private static final int STDERR_TAIL_BYTES = 4096;
    /** How much of its first output is kept: a JVM that cannot start says why on standard output. */
    private static final int FIRST_OUTPUT_BYTES = 1024;
    /** After its output ends, how long the process gets to end too and tell its exit code. */
    private static final long EXIT_PATIENCE_MILLIS = 2000;

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream answers;
    private final FirstBytes firstOutput;
    private final StderrTail stderr;
    /** Writes come from the compiling thread and from a warm-up thread. */
    private final Object writing = new Object();
    private volatile boolean expired;
    private volatile boolean answered;
    private final java.util.concurrent.atomic.AtomicBoolean warmUpAsked = new java.util.concurrent.atomic.AtomicBoolean();
    /** Whether its hello has been read; compiling thread only. */
    private boolean ready;

    private CompilerChild(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.firstOutput = new FirstBytes(process.getInputStream(), FIRST_OUTPUT_BYTES);
        this.answers = new DataInputStream(new BufferedInputStream(firstOutput, 1 << 16));
        this.stderr = new StderrTail(process.getErrorStream(), STDERR_TAIL_BYTES);
    }

    /**
     * Starts the process; it is ready once {@link #awaitReady} returns. The JVM options a user
     * may set in the environment are meant for the game, and are not passed on: an agent with a
     * fixed port (a debugger's) or another collector would keep the compile server from starting.
     */
    static CompilerChild start(List<String> command) throws IOException {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a compile server needs a command line");
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        return new CompilerChild(pb.start());
    }

    /** Waits for the server's hello, once. Compiling thread. */
    void awaitReady() throws IOException {
        if (!ready) {
            CompileProtocol.readHello(answers);
            ready = true;
        }
    }

    /** Asks for a compile and waits for the answer, for as long as the deadline timer lets it live. */
    Compilation compile(Map<String, byte[]> sources, Map<String, byte[]> classes) throws IOException {
        synchronized (writing) {
            CompileProtocol.writeCompile(requests, sources, classes);
        }
        awaitReady();
        Compilation c = CompileProtocol.readResult(answers);
        answered = true;
        return c;
    }

    /**
     * Asks the server to warm itself on {@code sources}, from a thread of its own: a frame larger
     * than the pipe's buffer waits until a freshly started JVM reads it, and nobody should wait
     * for that. A compile asked meanwhile queues behind it (within its deadline).
     */
    void warmUpLater(Map<String, byte[]> sources, int times) {
        Thread t = new Thread(() -> {
            try {
                synchronized (writing) {
                    CompileProtocol.writeWarmUp(requests, sources, times);
                }
            } catch (IOException gone) {
                // It died or was killed meanwhile; the next compile finds out and says why.
            }
        }, "pitstop-compiler-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** True the first time it is asked, false after: a process warms itself once. Any thread. */
    boolean firstWarmUp() {
        return warmUpAsked.compareAndSet(false, true);
    }

    /** The deadline passed: kill it, and say so when the compiling thread asks why it ended. Timer thread. */
    void expire() {
        expired = true;
        kill();
    }

    /** Whether it ever answered a compile: a child that did was healthy, and worth replacing at once if it dies. */
    boolean answered() {
        return answered;
    }

    boolean alive() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    void kill() {
        process.destroyForcibly();
    }

    /** Kills it and waits until it is gone, so that nothing outlives the engine. */
    void close() {
        kill();
        try {
            process.waitFor(EXIT_PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Why the exchange that threw {@code failure} got no answer, in words for a diagnostic: no
     * answer within {@code deadline}, out of heap, the exit code, or an unreadable answer. Kills
     * the process if it still runs. Compiling thread.
     */
    String whyGone(IOException failure, Duration deadline, int heapMib) {
        if (expired) {
            return "no answer within " + seconds(deadline) + " s";
        }
        boolean malformed = failure instanceof CompileProtocol.MalformedFrameException;
        // Before its hello, what looks like a bad frame is most likely a JVM that could not start
        // printing why: it ends by itself, and what it printed says more than the frame did.
        if (malformed && ready || !ended()) {
            kill();
            return malformed ? "it answered something unreadable (" + failure.getMessage() + ")"
                    : "it stopped answering (" + failure.getMessage() + ")";
        }
        stderr.awaitEnd(EXIT_PATIENCE_MILLIS);
        String said = stderr.text();
        if (said.contains("OutOfMemoryError")) {
            return said.contains("Java heap space") || said.contains("GC overhead")
                    ? "ran out of its " + heapMib + " MiB heap" : "ran out of memory (" + stderr.summary() + ")";
        }
        String why = "its process ended with exit code " + process.exitValue() + (ready ? "" : " before it was ready");
        String summary = ready ? "" : startupOutput();
        if (summary.isEmpty()) {
            summary = stderr.summary();
        }
        return summary.isEmpty() ? why : why + " (" + summary + ")";
    }

    /** Whether the process ends within {@link #EXIT_PATIENCE_MILLIS}. */
    private boolean ended() {
        try {
            return process.waitFor(EXIT_PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What an ended process printed on standard output instead of a hello, on one line. */
    private String startupOutput() {
        try {
            byte[] rest = new byte[FIRST_OUTPUT_BYTES];
            while (!firstOutput.full() && answers.read(rest) >= 0) {
                // Pulls the rest of its output through firstOutput, which keeps it.
            }
        } catch (IOException gone) {
            // What was read is enough.
        }
        StringBuilder sb = new StringBuilder();
        for (String line : firstOutput.text().split("\\R")) {
            if (!line.isBlank() && line.chars().allMatch(c -> c >= ' ' || c == '\t')) {
                sb.append(sb.length() == 0 ? "" : "; ").append(line.strip());
            }
        }
        return sb.toString();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }
}
