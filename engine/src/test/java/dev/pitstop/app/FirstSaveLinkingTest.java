package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitstop.testing.ChildEngine;
import dev.pitstop.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first save after the start runs the engine's code already linked: the warm-ups have run
 * every lambda of the reload path (the very script tasks of a build included), and no string
 * concatenation links through invokedynamic. Each lambda call site met for the first time links a
 * class of its own, milliseconds while the JVM is young: before, the first save of the benchmark
 * loaded 39 classes, a dozen of them the engine's lambdas and their method handles. The JVM's own
 * class loading log, in an engine of its own, tells which classes the first save loaded.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the engine's JVM options come from ./pitstop, a bash script")
class FirstSaveLinkingTest {

    private static final Pattern LOADED = Pattern.compile("^\\[(\\d+)ms\\] (\\S+) source: (.*)$");

    @TempDir
    Path dir;

    private static String mover(String speed) {
        return """
                package t;

                import dev.pitstop.api.*;

                public class Mover implements Behaviour {
                    static final float SPEED = %s;

                    @Override
                    public void update(Agent self, World world) {
                        self.setVelocity(SPEED, 0f);
                    }
                }
                """.formatted(speed);
    }

    private static final String SWARM = """
            package t;

            import dev.pitstop.api.*;

            public class Swarm implements Behaviour {
                @Override
                public void update(Agent self, World world) {
                    float[] sum = {0f, 0f};
                    world.forEachNeighbour(self, 30f, other -> {
                        sum[0] += other.velocity().x();
                        sum[1] += other.velocity().y();
                    });
                    self.setVelocity(sum[0] * 0.01f + 10f, sum[1] * 0.01f);
                }
            }
            """;

    @Test
    void theFirstSaveAfterTheWarmUpsLinksNoLambdaOfTheEngine() throws Exception {
        Path scripts = dir.resolve("scripts");
        Scripts.write(scripts, "t/Mover.java", mover("20f"));
        Scripts.write(scripts, "t/Swarm.java", SWARM);
        Path log = dir.resolve("classes.log");
        // More than 512 entities: the shadow run's copy is weighted to the edit, as in a large game.
        try (ChildEngine engine = ChildEngine.run(List.of("-Xlog:class+load:file=" + log + ":timemillis"), dir,
                "--scripts", scripts.toString(), "--spawn", "Mover=400", "--spawn", "Swarm=400", "--stats-every", "30")) {
            engine.await(e -> e.get("type").asText().equals("warmed"), "warmed event");
            long saved = System.currentTimeMillis();
            Scripts.write(scripts, "t/Mover.java", mover("35f"));
            JsonNode swap = engine.await(e -> e.get("type").asText().equals("swap")
                    && e.get("toGeneration").asInt() == 2, "swap to generation 2");
            long live = (long) Math.ceil(swap.get("t").asDouble());

            List<String> loaded = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                Matcher m = LOADED.matcher(line);
                if (m.matches() && Long.parseLong(m.group(1)) >= saved && Long.parseLong(m.group(1)) <= live) {
                    loaded.add(m.group(2) + " (" + m.group(3) + ")");
                }
            }
            // The log saw the save: the edited class was defined twice (its shadow copy, its live class).
            assertEquals(2, loaded.stream().filter(c -> c.startsWith("t.Mover ")).count(),
                    "classes loaded between the save and the swap: " + loaded + "\n" + engine.describe());
            List<String> engineLambdas = loaded.stream()
                    .filter(c -> c.startsWith("dev.pitstop.") && c.contains("$$Lambda")).toList();
            assertTrue(engineLambdas.isEmpty(), "the first save linked lambdas of the engine: " + engineLambdas
                    + "\n(all it loaded: " + loaded + ")");
        }
    }
}
