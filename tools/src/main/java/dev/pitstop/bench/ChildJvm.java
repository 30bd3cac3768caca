package dev.pitstop.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark started: the engine ({@code dev.pitstop.app.Main run}) or the hotswap host,
 * on this JVM's class path, with standard input as a pipe for commands and standard output and
 * error in a log file. Used by the thread that started it (the driver or the restart supervisor).
 */
final class ChildJvm {

    /** The engine's command line entry point. */
    static final String ENGINE_MAIN = "dev.pitstop.app.Main";

    private final Process process;
    private final OutputStream stdin;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.log = log;
    }

    /**
     * @param jvmFlags flags besides the ones every Pitstop JVM gets (as the launcher gives them)
     * @param log      where the JVM's stdout and stderr go (appended)
     */
    static ChildJvm start(List<String> jvmFlags, String mainClass, List<String> args, Path log) throws IOException {
        return start(jvmFlags, mainClass, args, log, java.util.Map.of());
    }

    /** As {@link #start(List, String, List, Path)}, with {@code env} added to this JVM's environment. */
    static ChildJvm start(List<String> jvmFlags, String mainClass, List<String> args, Path log,
            java.util.Map<String, String> env) throws IOException {
        List<String> cmd = command(jvmFlags, mainClass, args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.writeString(log, "$ " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ChildJvm(pb.start(), log);
    }

    /**
     * The command line of a child: this JVM's java, the options the launcher ({@code ./pitstop})
     * gives every game JVM (its heap limit included, so that the bench measures the game a user
     * runs), {@code jvmFlags}, this class path, the main class and its arguments.
     */
    static List<String> command(List<String> jvmFlags, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx768m");
        cmd.add("-Djoml.nounsafe=true");
        String home = System.getProperty("pitstop.home");
        if (home != null) {
            cmd.add("-Dpitstop.home=" + home);
        }
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Sends one command line to its standard input. */
    void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The exit code, or null while it runs. */
    Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /**
     * Asks it to quit through standard input (so it stops cleanly: final stats, snapshot, stop
     * event) and waits; a JVM that does not go within {@code patienceMillis} is killed.
     *
     * @return the exit code, or null if it had to be killed
     */
    Integer quit(long patienceMillis) throws InterruptedException {
        if (process.isAlive()) {
            try {
                send("quit");
            } catch (IOException pipeGone) {
                // it is ending already
            }
        }
        if (process.waitFor(patienceMillis, TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        kill();
        return null;
    }

    /** Ends it at once, if it still runs. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
