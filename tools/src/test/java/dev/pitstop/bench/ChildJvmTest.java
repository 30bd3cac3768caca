package dev.pitstop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bench's JVMs run with the options the launcher gives a game, so it measures the game a user runs. */
class ChildJvmTest {

    /** The JVM options {@code ./pitstop run} would give, from its dry run (one argument a line). */
    private static List<String> launcherOptions() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("pitstop").toString(), "run", "--headless")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PITSTOP_DRY_RUN", "1");
        pb.environment().remove("PITSTOP_JAVA_OPTS");
        Process p = pb.start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher's dry run did not end");
        assertEquals(0, p.exitValue(), "the launcher's dry run failed: " + lines);
        return lines.subList(1, lines.indexOf("-cp"));
    }

    @Test
    void aChildGetsEveryOptionTheLauncherGivesAGame() throws Exception {
        List<String> launcher = new ArrayList<>(launcherOptions());
        // Where the launcher lives and whether its stderr is a terminal: facts of that shell, not options.
        launcher.removeIf(o -> o.startsWith("-Dpitstop.home=") || o.startsWith("-Dpitstop.stderrTty="));
        assertTrue(launcher.stream().anyMatch(o -> o.startsWith("-Xmx")), "the launcher gives no heap limit: " + launcher);

        List<String> child = ChildJvm.command(List.of("-Xlog:safepoint"), ChildJvm.ENGINE_MAIN, List.of("run"));
        List<String> options = child.subList(1, child.indexOf("-cp"));
        assertTrue(options.containsAll(launcher), "launcher " + launcher + ", bench child " + options);
        assertTrue(options.contains("-Xlog:safepoint"));
        assertEquals(List.of(ChildJvm.ENGINE_MAIN, "run"), child.subList(child.size() - 2, child.size()));
    }
}
