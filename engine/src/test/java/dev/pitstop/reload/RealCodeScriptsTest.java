package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Stats;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refuse nothing harmless: a corpus of scripts written the way game programmers write code they
 * bring from their own libraries (A* over a grid, gradient noise with a permutation table built
 * in a static initializer, boids with JOML, an enum state machine, a behaviour tree of records and
 * method references, sorting and the collections, atomic counters in lambdas, an annotation on
 * constants) must load as it is, with the sandbox and the work budget on and the shadow run on
 * (the defaults), run a few hundred ticks without one fault, keep every entity moving, and take a
 * live edit. The corpus is in {@code src/test/resources/scripts/realcode}, package
 * {@code realcode}; each behaviour keeps what must outlive a tick in {@code Agent.memory()}.
 */
class RealCodeScriptsTest {

    /** Each behaviour of the corpus with how many entities it drives. */
    static final Map<String, Integer> SPAWNS = spawns();

    @TempDir
    Path dir;

    private static Map<String, Integer> spawns() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Astar", 20);
        m.put("Noise", 20);
        m.put("Boids", 12);
        m.put("Fsm", 10);
        m.put("Guardian", 10);
        m.put("Tactician", 10);
        m.put("Counted", 8);
        m.put("Tuned", 8);
        return m;
    }

    @Test
    void realCodeLoadsRunsWithoutAFaultAndTakesALiveEdit() throws Exception {
        copyCorpus(dir, name -> true);
        try (RunningEngine e = RunningEngine.headless(args(SPAWNS, "--stats-every", "30"))) {
            // A refusal of the first generation means the engine does not start: the failure shows stderr.
            Event start = e.await(0, "start");
            assertTrue(((List<?>) start.get("behaviours")).containsAll(SPAWNS.keySet()), start.toString());

            Event last = e.awaitStats(0, 299);
            assertMovingAndClean(e, SPAWNS.keySet(), last.tick());

            int m = e.mark();
            Path astar = dir.resolve("realcode/Astar.java");
            String source = Files.readString(astar, StandardCharsets.UTF_8);
            assertTrue(source.contains("SPEED = 70f;"));
            Files.writeString(astar, source.replace("SPEED = 70f;", "SPEED = 95f;"), StandardCharsets.UTF_8);
            Event swap = e.await(m, "swap");
            assertEquals(List.of("Astar"), swap.get("changed"), swap.toString());
            Event after = e.awaitStats(m, swap.tick() + 60);
            assertMovingAndClean(e, SPAWNS.keySet(), after.tick());
        }
    }

    /**
     * Pathfinding and noise are the costliest of the corpus: dozens of entities of each run under
     * the default work budget (no {@code --budget}) for a few hundred ticks without being stopped,
     * neither one update nor one behaviour's tick.
     */
    @Test
    void pathfindingAndNoiseRunUnderTheDefaultBudget() throws Exception {
        Set<String> files = Set.of("Astar.java", "GridPathfinder.java", "Noise.java", "PerlinNoise.java");
        copyCorpus(dir, files::contains);
        Map<String, Integer> spawns = Map.of("Astar", 40, "Noise", 40);
        try (RunningEngine e = RunningEngine.headless(args(spawns, "--stats-every", "30"))) {
            Event last = e.awaitStats(0, 299);
            assertMovingAndClean(e, spawns.keySet(), last.tick());
        }
    }

    private String[] args(Map<String, Integer> spawns, String... more) {
        List<String> args = new ArrayList<>(List.of("--scripts", dir.toString()));
        spawns.forEach((name, count) -> args.addAll(List.of("--spawn", name + "=" + count)));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * Every stats event up to {@code untilTick} shows each behaviour's entities moving; nothing was
     * rejected, faulted or rolled back.
     */
    private static void assertMovingAndClean(RunningEngine e, Set<String> behaviours, long untilTick) {
        List<Event> stats = e.events("stats").stream().filter(s -> s.tick() <= untilTick).toList();
        assertFalse(stats.isEmpty(), "stats events up to tick " + untilTick);
        for (Event s : stats) {
            for (String name : behaviours) {
                assertTrue(Stats.behaviour(s, name) != null && Stats.meanSpeed(s, name) > 0,
                        name + " should be moving at tick " + s.tick() + ": " + s);
            }
        }
        assertEquals(List.of(), e.events("rejected"), "nothing harmless is refused");
        assertEquals(List.of(), e.events("fault"), "real code runs without a fault");
        assertEquals(List.of(), e.events("rollback"));
    }

    /** Copies the corpus files whose names pass {@code which} into {@code root}, keeping the package folder. */
    static void copyCorpus(Path root, Predicate<String> which) throws IOException, URISyntaxException {
        Path corpus = Path.of(RealCodeScriptsTest.class.getResource("/scripts/realcode").toURI());
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (which.test(f.getFileName().toString())) {
                    Path to = root.resolve("realcode").resolve(f.getFileName().toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
    }
}
