package dev.pitstop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.app.Console;
import dev.pitstop.app.Main;
import dev.pitstop.events.EventSink;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole benchmark, through the engine's command line, on tiny settings: each strategy really
 * runs (child JVMs, edits, swaps) and leaves well-formed output. No timing is asserted.
 */
class BenchEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int bench(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        Console console = new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), EventSink.NONE);
        return Main.execute(all, console);
    }

    @ParameterizedTest
    @ValueSource(strings = {"generation", "hotswap", "restart"})
    @Timeout(180)
    void runsEndToEndAndWritesWellFormedResults(String strategy) throws Exception {
        int code = bench("--entities", "10", "--scripts", "3", "--first-saves", "2", "--first-save-after-ms", "300",
                "--save-spacing-ms", "600", "--edits", "2", "--tail-ticks", "20", "--strategy", strategy,
                "--out", out.toString());
        assertEquals(0, code, "stdout:\n" + stdout + "\nstderr:\n" + stderr);

        JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
        assertEquals(Set.of("machine", "strategies"), names(results));
        assertTrue(results.path("machine").isTextual() && !results.path("machine").asText().isBlank());
        assertEquals(Set.of(strategy), names(results.path("strategies")));
        JsonNode s = results.path("strategies").path(strategy);
        Set<String> fields = new java.util.TreeSet<>(Set.of("edits", "editToLiveMs", "pauseMicros", "swapTickMs",
                "steadyTickMs", "firstSaveMs", "firstSavesMs", "quickEditToLiveMs", "worstSwapOrTailTickMs", "warmUp",
                "reloadPhaseP50Ms", "stateKept", "tailTickMs"));
        if (!strategy.equals("hotswap")) {
            fields.add("compileDaemon"); // the engine's games say how they compile
        }
        if (strategy.equals("generation")) {
            fields.add("afterRestart");
        }
        assertEquals(fields, names(s));
        if (!strategy.equals("hotswap")) {
            assertTrue(s.path("compileDaemon").asText().startsWith("started (process "),
                    "the run's own daemon, fresh: " + s.path("compileDaemon"));
        }
        if (strategy.equals("generation")) {
            JsonNode again = s.path("afterRestart");
            assertTrue(again.path("firstSaveMs").isNumber(), again.toString());
            assertTrue(again.path("compiledMs").isNumber(), again.toString());
            assertEquals(2, again.path("saves").asInt(), "as many saves after the restart as first saves: " + again);
            assertTrue(again.path("savesP50Ms").isNumber(), again.toString());
            assertTrue(again.path("compileDaemon").asText().startsWith("reused (process "),
                    "the restarted game finds the daemon the first one started: " + again);
            assertTrue(Files.readString(out.resolve("report.md")).contains("does not make the first saves cold again: after a restart its 2 saves p50"));
        }
        // The run deleted its daemon's folder: the daemon ends within a second of it.
        for (ProcessHandle daemon : ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(out.toString())).toList()) {
            daemon.onExit().get(1, java.util.concurrent.TimeUnit.MINUTES);
        }
        assertEquals(4, s.path("edits").asInt());
        assertTrue(s.path("firstSaveMs").isNumber());
        assertEquals(2, s.path("firstSavesMs").path("count").asInt());
        assertTrue(s.path("worstSwapOrTailTickMs").isNumber());
        assertEquals(Set.of("p50", "p99", "max"), names(s.path("tailTickMs")));
        assertTrue(s.path("tailTickMs").path("p99").isNumber(), "the tails' ticks, pooled: " + s.path("tailTickMs"));
        assertEquals(List.of("detected", "compiled", "verified", "loaded", "shadow"),
                List.copyOf(namesInOrder(s.path("reloadPhaseP50Ms"))));
        assertEquals(strategy.equals("generation"), s.path("reloadPhaseP50Ms").path("compiled").isNumber(),
                "only the engine reports reload phases");
        assertEquals(!strategy.equals("hotswap"), s.path("warmUp").path("ms").isNumber(),
                "the engine (ours, and the restarted one) warms its reload path and says when; the HotSwap host has none");
        for (String field : List.of("editToLiveMs", "pauseMicros", "swapTickMs", "quickEditToLiveMs")) {
            assertEquals(Set.of("p50", "p99", "max"), names(s.path(field)), field);
            for (String p : List.of("p50", "p99", "max")) {
                assertTrue(s.path(field).path(p).isNumber(), field + "." + p + " is " + s.path(field).path(p));
            }
        }
        assertEquals(Set.of("p50", "p99", "p999"), names(s.path("steadyTickMs")));
        for (String p : List.of("p50", "p99", "p999")) {
            assertTrue(s.path("steadyTickMs").path(p).isNumber(), "steadyTickMs." + p);
        }
        assertTrue(s.path("stateKept").asBoolean(), "the world survived the edits: " + Files.readString(out.resolve("report.md")));

        List<String> edits = Files.readAllLines(out.resolve("edits.csv"));
        assertEquals(5, edits.size(), "a header and one line per edit");
        assertTrue(edits.get(1).startsWith(strategy + ",1,person,"), edits.get(1));
        assertTrue(edits.get(4).startsWith(strategy + ",4,quick,"), edits.get(4));
        assertTrue(edits.stream().skip(1).allMatch(l -> l.endsWith(",true,true")), "new code seen, state kept: " + edits);
        List<String> ticks = Files.readAllLines(out.resolve("ticks.csv"));
        assertEquals("strategy,process,tick,generation,tick_ms,seconds,phase", ticks.get(0));
        assertTrue(ticks.size() > 100);
        assertTrue(ticks.stream().anyMatch(l -> l.endsWith(",swap")));

        BufferedImage chart = ImageIO.read(out.resolve("ticks.png").toFile());
        assertNotNull(chart, "ticks.png is a PNG");
        assertTrue(chart.getWidth() > 0 && chart.getHeight() > 0);

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| " + strategy + " | 4 |"), report);
        assertTrue(report.contains("![tick time over the run"), report);
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("| " + strategy + " | 4 |"));
        String last = strategy.equals("generation") ? "edit 6/6" : "edit 4/4"; // and two after a restart
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains(last), "progress on stderr: " + stderr);
    }

    @Test
    void badSettingsAreOneLineAndExitCode2() {
        assertEquals(2, bench("--strategy", "warp", "--out", out.toString()));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("--strategy must be generation, hotswap, restart or all"));
        assertEquals(2, bench("--scripts", "1", "--out", out.toString()));
        assertEquals(2, bench("--frobnicate"));
    }

    private static List<String> namesInOrder(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
