package dev.pitstop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.app.Console;
import dev.pitstop.app.Main;
import dev.pitstop.events.EventSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./pitstop bench tune} on tiny settings: a real engine takes real tunes, and the results are well formed. No timing is asserted. */
class TuneBenchTest {

    @TempDir
    Path out;

    @Test
    @Timeout(180)
    void tunesARealEngineAndWritesResults() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), EventSink.NONE);
        String before = System.getProperty("pitstop.home");
        System.setProperty("pitstop.home", Path.of("..").toAbsolutePath().normalize().toString());
        int code;
        try {
            code = Main.execute(new String[] {"bench", "tune", "--entities", "8", "--single", "2", "--drag", "3",
                "--drag-interval", "50", "--warm-up", "1", "--out", out.toString()}, console);
        } finally {
            if (before == null) {
                System.clearProperty("pitstop.home");
            } else {
                System.setProperty("pitstop.home", before);
            }
        }
        assertEquals(0, code, "stdout:\n" + stdout + "\nstderr:\n" + stderr);
        JsonNode json = new ObjectMapper().readTree(out.resolve("tune.json").toFile());
        assertEquals(2, json.path("single").path("count").asInt(), json.toString());
        assertEquals(3, json.path("drag").path("count").asInt(), json.toString());
        assertEquals(0, json.path("single").path("failed").asInt());
        assertTrue(json.path("single").path("p50Ms").asDouble() > 0);
        assertTrue(Files.readString(out.resolve("tune.md")).contains("tune to live ms p50 / p99 / max"));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("| single (each waits for its swap) | 2 |"), stdout.toString());
        String demo = Files.readString(Path.of("..", "game-scripts/src/main/java/demo/Chaser.java"));
        assertTrue(demo.contains("SPEED = 90f;"), "the repository's own scripts are never tuned");
    }
}
