package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.testing.Scripts;
import dev.pitstop.world.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A real JVM stopped by SIGTERM stops cleanly: final stats, the snapshot, then {@code stop}. */
class SigtermTest {

    @TempDir
    Path dir;

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Process.destroy is not SIGTERM on Windows")
    void sigtermWritesFinalStatsSnapshotAndStop() throws Exception {
        Scripts.write(dir, "t/Mover.java", Scripts.mover("Mover", "2f"));
        Path events = dir.resolve("events.jsonl");
        Path snap = dir.resolve("exit.snap");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--headless", "--scripts", dir.toString(), "--spawn", "Mover=5", "--events", events.toString(),
                "--snapshot", snap.toString(), "--stats-every", "10")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        try {
            ObjectMapper mapper = new ObjectMapper();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!hasStats(events, mapper)) {
                assertTrue(System.nanoTime() < deadline && p.isAlive(), "no stats event: " + Files.readString(dir.resolve("out.log")));
                Thread.sleep(20); // polling another process's file: nothing to wait on
            }
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped on SIGTERM");
            List<String> types = new ArrayList<>();
            for (String line : Files.readAllLines(events)) {
                types.add(mapper.readTree(line).get("type").asText());
            }
            assertEquals("stop", types.get(types.size() - 1), types.toString());
            assertEquals("stats", types.get(types.size() - 2), "final stats before stop");
            assertEquals(5, Snapshot.read(snap).entities.count, "the snapshot was written");
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean hasStats(Path events, ObjectMapper mapper) throws Exception {
        if (!Files.exists(events)) {
            return false;
        }
        for (String line : Files.readAllLines(events)) {
            try {
                JsonNode n = mapper.readTree(line);
                if (n.get("type").asText().equals("stats")) {
                    return true;
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException halfWritten) {
                // the writer is mid-line; the next poll sees the rest
            }
        }
        return false;
    }
}
