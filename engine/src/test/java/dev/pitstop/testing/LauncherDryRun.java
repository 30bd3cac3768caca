package dev.pitstop.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The java command {@code ./pitstop} would run for some arguments, from its dry run
 * ({@code PITSTOP_DRY_RUN=1}: one argument a line, nothing built, nothing run), so that tests start
 * engines with the JVM options the launcher really gives, the debugger agent's included, rather
 * than a copy of them. Needs bash; the test thread.
 */
public final class LauncherDryRun {

    /** The repository root: Maven runs the engine's tests in engine/. */
    public static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private final List<String> command;

    private LauncherDryRun(List<String> command) {
        this.command = command;
    }

    public static LauncherDryRun of(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", REPO.resolve("pitstop").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PITSTOP_DRY_RUN", "1");
        pb.environment().remove("PITSTOP_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("the launcher's dry run failed for " + List.of(args) + ":\n" + out);
        }
        return new LauncherDryRun(out.lines().toList());
    }

    /** The whole command: java, its options, -cp and the class path, the main class, the arguments. */
    public List<String> command() {
        return command;
    }

    /** The options the launcher gives the JVM, between the java executable and {@code -cp}. */
    public List<String> jvmOptions() {
        int cp = command.indexOf("-cp");
        if (cp < 1) {
            throw new AssertionError("no -cp in the launcher's command: " + command);
        }
        return command.subList(1, cp);
    }

    /** The debugger agent's option, or null. */
    public String debugAgent() {
        String found = null;
        for (String o : jvmOptions()) {
            if (o.startsWith("-agentlib:jdwp=")) {
                if (found != null) {
                    throw new AssertionError("two debugger agents: " + command);
                }
                found = o;
            }
        }
        return found;
    }
}
