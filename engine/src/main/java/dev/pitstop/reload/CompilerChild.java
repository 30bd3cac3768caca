package dev.pitstop.reload;

import dev.pitstop.compile.CompileProtocol;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One compile server process of the engine's own and the pipes to it (see {@link CompileLink} for
 * who calls what). It lives until it is killed, the engine ends, or it ends by itself.
 */
final class CompilerChild extends CompileLink {

    /** How much of the server's standard error is kept to explain its end. */
    private static final int STDERR_TAIL_BYTES = 4096;
    /** How much of its first output is kept: a JVM that cannot start says why on standard output. */
    private static final int FIRST_OUTPUT_BYTES = 1024;
    /** After its output ends, how long the process gets to end too and tell its exit code. */
    private static final long EXIT_PATIENCE_MILLIS = 2000;

    private final Process process;
    private final FirstBytes firstOutput;
    private final StderrTail stderr;

    private CompilerChild(Process process, FirstBytes firstOutput) {
        super(process.getOutputStream(), firstOutput);
        this.process = process;
        this.firstOutput = firstOutput;
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
        Process p = pb.start();
        return new CompilerChild(p, new FirstBytes(p.getInputStream(), FIRST_OUTPUT_BYTES));
    }

    @Override
    boolean alive() {
        return process.isAlive();
    }

    @Override
    CompletableFuture<?> onExit() {
        return process.onExit();
    }

    @Override
    void kill() {
        process.destroyForcibly();
    }

    /** Kills it and waits until it is gone, so that nothing outlives the engine. */
    @Override
    void close() {
        kill();
        try {
            process.waitFor(EXIT_PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    String whyGone(IOException failure, Duration deadline, int heapMib) {
        if (expired()) {
            return "no answer within " + seconds(deadline) + " s";
        }
        boolean malformed = failure instanceof CompileProtocol.MalformedFrameException;
        // Before its hello, what looks like a bad frame is most likely a JVM that could not start
        // printing why: it ends by itself, and what it printed says more than the frame did.
        if (malformed && ready() || !ended()) {
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
        String why = "its process ended with exit code " + process.exitValue() + (ready() ? "" : " before it was ready");
        String summary = ready() ? "" : startupOutput();
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
}
