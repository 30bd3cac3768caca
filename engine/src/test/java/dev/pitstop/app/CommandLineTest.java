package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.testing.Cli;
import dev.pitstop.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path dir;
    Path scripts;
    Path events;

    @BeforeEach
    void scripts() throws Exception {
        scripts = dir.resolve("scripts");
        Scripts.write(scripts, "t/Mover.java", Scripts.mover("Mover", "3f"));
        Scripts.write(scripts, "t/Other.java", Scripts.mover("Other", "1f"));
        events = dir.resolve("events.jsonl");
    }

    private Cli run(String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--headless", "--scripts", scripts.toString(),
                "--events", events.toString(), "--unthrottled"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(new String[0]));
    }

    private void assertRefused(Cli r, String... words) {
        assertEquals(2, r.exit, r.toString());
        String line = r.err.strip();
        assertEquals(1, line.lines().count(), "one line: " + r);
        for (String w : words) {
            assertTrue(line.contains(w), "'" + w + "' in: " + line);
        }
        assertFalse(Files.exists(events), "nothing written");
    }

    @Test
    void badInputIsOneLineAndExitTwoWithNothingWritten() {
        assertRefused(run("--spawn", "Nobody=3"), "Nobody", "Mover", "Other");
        assertRefused(run("--hz", "0"), "--hz");
        assertRefused(run("--ticks", "-5"), "--ticks");
        assertRefused(run("--restore", dir.resolve("missing.snap").toString()), "missing.snap");
        assertRefused(run("--spawn", "Mover=abc"), "abc");
        assertRefused(run("--spawn", "Mover"), "NAME=COUNT");
        assertRefused(run("--bogus"), "--bogus", "--help");
        assertRefused(run("--watch", "sometimes"), "--watch");
        assertRefused(Cli.run("dance"), "dance", "--help");
        Cli unwritable = Cli.run("run", "--headless", "--scripts", scripts.toString(), "--events",
                dir.resolve("no/such/folder/e.jsonl").toString(), "--ticks", "1");
        assertEquals(2, unwritable.exit, unwritable.toString());
        assertTrue(unwritable.err.contains("e.jsonl"), unwritable.toString());
    }

    @Test
    void compileErrorsAtStartAreListedAsFileLineColumnAndExitTwo() throws Exception {
        Scripts.write(scripts, "t/Broken.java", "package t;\npublic class Broken {\n  int x = ;\n}\n");
        Cli r = run("--ticks", "1");
        assertEquals(2, r.exit, r.toString());
        assertTrue(r.err.contains("t/Broken.java:3:"), r.toString());
    }

    @Test
    void everyEventLineParsesAndCarriesTheContractFields() throws Exception {
        Cli r = run("--spawn", "Mover=30", "--spawn", "Other=5", "--ticks", "120", "--stats-every", "40");
        assertEquals(0, r.exit, r.toString());
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(events)) {
            lines.add(mapper.readTree(line));
        }
        Map<String, Set<String>> required = Map.of(
                "start", Set.of("generation", "behaviours"),
                "stats", Set.of("generation", "entities", "checksum", "behaviours", "faults", "updateMicros"),
                "reload", Set.of("phase", "generation", "ms"),
                "stop", Set.of());
        List<String> types = new ArrayList<>();
        for (JsonNode n : lines) {
            assertTrue(n.has("type") && n.has("t") && n.has("tick"), n.toString());
            String type = n.get("type").asText();
            types.add(type);
            for (String field : required.getOrDefault(type, Set.of())) {
                assertTrue(n.has(field), type + " lacks " + field + ": " + n);
            }
        }
        assertEquals("stop", types.get(types.size() - 1));
        assertEquals(1, types.stream().filter("start"::equals).count());
        List<JsonNode> stats = lines.stream().filter(n -> n.get("type").asText().equals("stats")).toList();
        assertEquals(List.of(40L, 80L, 120L, 120L), stats.stream().map(n -> n.get("tick").asLong()).toList(),
                "every N-th tick and at stop");
        JsonNode mover = stats.get(0).get("behaviours").get("Mover");
        assertEquals(30, mover.get("count").asInt());
        assertEquals(3.0, mover.get("meanSpeed").asDouble(), 1e-4);
        assertTrue(mover.has("cx") && mover.has("cy"));
        assertTrue(stats.get(0).get("checksum").asText().matches("[0-9a-f]{16}"));
    }

    @Test
    void aSnapshotRestoredAndRunOnEndsWhereOneRunDoes() throws Exception {
        Path straight = dir.resolve("straight.jsonl");
        Path snap = dir.resolve("t100.snap");
        Path resumed = dir.resolve("resumed.jsonl");
        String[] common = {"run", "--headless", "--scripts", scripts.toString(), "--unthrottled", "--seed", "42"};
        assertEquals(0, Cli.run(concat(common, "--spawn", "Mover=40", "--spawn", "Other=40", "--ticks", "250",
                "--events", straight.toString())).exit);
        assertEquals(0, Cli.run(concat(common, "--spawn", "Mover=40", "--spawn", "Other=40", "--ticks", "100",
                "--snapshot", snap.toString())).exit);
        Cli r = Cli.run(concat(common, "--restore", snap.toString(), "--ticks", "250", "--events", resumed.toString()));
        assertEquals(0, r.exit, r.toString());
        assertEquals(lastChecksum(straight), lastChecksum(resumed));
    }

    private static String lastChecksum(Path events) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String checksum = null;
        long tick = -1;
        for (String line : Files.readAllLines(events)) {
            JsonNode n = mapper.readTree(line);
            if (n.get("type").asText().equals("stats")) {
                checksum = n.get("checksum").asText();
                tick = n.get("tick").asLong();
            }
        }
        assertEquals(250, tick);
        return checksum;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void helpListsCommandsAndOptions() {
        Cli r = Cli.run("run", "--help");
        assertEquals(0, r.exit);
        for (String option : List.of("--headless", "--scripts", "--spawn", "--seed", "--hz", "--ticks", "--events",
                "--stats-every", "--watch", "--quiet-ms", "--snapshot", "--restore", "--debug")) {
            assertTrue(r.out.contains(option), option);
        }
        assertTrue(Cli.run("--help").out.contains("demo"));
    }
}
