package dev.pitstop.bench.scripts;

import dev.pitstop.reload.GenerationClassLoader;
import dev.pitstop.sim.FreshWorld;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.api.Behaviour;
import dev.pitstop.compile.ScriptCompiler;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.sim.Simulation;
import dev.pitstop.sim.StatsReport;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchScriptsTest {

    @Test
    void everyBehaviourMovesAtItsSpeedSoTheStatsTellWhichCodeRan() throws Exception {
        BenchScripts scripts = BenchScripts.generate(8);
        Map<String, byte[]> classes = new ScriptCompiler(ScriptCompiler.scriptClassPath())
                .compileText(scripts.sources()).classesOrThrow();
        Map<String, Behaviour> behaviours = Behaviours.of(GenerationClassLoader.of("test", classes), classes.keySet());
        assertEquals(Set.copyOf(scripts.names()), behaviours.keySet());
        Simulation sim = FreshWorld.headless(60, 1, scripts.names(), behaviours, scripts.spawnPlan(400), EventSink.NONE);
        for (int i = 0; i < 90; i++) {
            sim.tick(PlayerInput.NONE);
        }
        Event stats = StatsReport.of(sim);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> lines = (Map<String, Map<String, Object>>) stats.get("behaviours");
        for (String name : scripts.names()) {
            double speed = ((Number) lines.get(name).get("meanSpeed")).doubleValue();
            assertEquals(scripts.speed(name), speed, 1e-3 * speed, name);
            assertEquals(50, ((Number) lines.get(name).get("count")).intValue(), name);
        }
    }

    @Test
    void editsChangeOneConstantAtATimeAndNeverTheControl() {
        BenchScripts scripts = BenchScripts.generate(3);
        Set<String> seen = new HashSet<>();
        for (int k = 1; k <= 6; k++) {
            String before = scripts.source(scripts.control());
            BenchScripts.Edit e = scripts.edit(k);
            assertNotEquals(scripts.control(), e.behaviour());
            assertEquals(before, scripts.source(scripts.control()));
            assertEquals(e.source(), scripts.source(e.behaviour()));
            assertTrue(e.source().contains("SPEED = " + String.format(java.util.Locale.ROOT, "%.1ff", e.newSpeed())));
            assertTrue(seen.add(e.behaviour() + "=" + e.newSpeed()), "each edit is a real change");
        }
        assertEquals(Map.of("Pendulum00", 4, "Chaser01", 3, "Orbiter02", 3), scripts.spawnPlan(10));
        assertEquals(Map.of("Pendulum00", 1), BenchScripts.generate(5).spawnPlan(1));
        assertThrows(IllegalArgumentException.class, () -> BenchScripts.generate(1));
    }
}
