package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} where there is no display: one line that says so and names xvfb-run, then the same
 * game headless, waves included. A process of its own, since the display is read from the
 * environment.
 */
class NoDisplayDemoTest {

    @TempDir
    Path dir;

    @Test
    void saysSoInOneLineAndPlaysTheWavesHeadless() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path level = dir.resolve("test.level");
        Files.writeString(level, "wave 0.5 Chaser=3 Swarm=4\n");
        Path events = dir.resolve("events.jsonl");
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Djoml.nounsafe=true", "-Dpitstop.home=" + repo,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "demo", "--ticks", "90", "--unthrottled", "--level", level.toString(), "--stats-every", "30",
                "--events", events.toString(), "--watch", "off");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(stderr.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the headless demo did not stop at --ticks");
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        String first = err.lines().findFirst().orElse("");
        assertTrue(first.startsWith("pitstop: no display") && first.contains("xvfb-run"), err);

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> stats = Files.readAllLines(events).stream().map(l -> read(json, l))
                .filter(n -> n.get("type").asText().equals("stats")).toList();
        JsonNode last = stats.get(stats.size() - 1);
        assertEquals(90, last.get("tick").asInt());
        assertEquals(7, last.get("entities").asInt(), "the level's wave came: " + last);
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
    }
}
