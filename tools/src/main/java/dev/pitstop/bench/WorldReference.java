package dev.pitstop.bench;

import dev.pitstop.api.Behaviour;
import dev.pitstop.bench.scripts.BenchScripts;
import dev.pitstop.sim.FreshWorld;
import dev.pitstop.bench.scripts.Behaviours;
import dev.pitstop.compile.ScriptCompiler;
import dev.pitstop.reload.GenerationClassLoader;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.sim.Simulation;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * What the control behaviour's entities must look like at a given tick if the world survived every
 * edit: the same world as every strategy's game (seed, size, spawns), run in this JVM with the
 * control's original code and nothing else, tick after tick. The control's entities depend on
 * nothing the edits change (not on the random source, neighbours, the player or the other
 * behaviours), so a game that kept its world shows exactly these numbers in its {@code stats}
 * events; one that lost or reset anything (positions, velocities, memory, tick count) does not.
 * Driver thread, after the games have ended.
 */
final class WorldReference {

    private WorldReference() {
    }

    /** The control's stats line at each of {@code ticks}. */
    static Map<Long, StrategyRecording.BehaviourStats> controlStats(BenchSettings settings, SortedSet<Long> ticks)
            throws ReflectiveOperationException {
        BenchScripts scripts = BenchScripts.generate(settings.scripts());
        String control = scripts.control();
        String path = BenchScripts.relativePath(control);
        Map<String, byte[]> classes = new ScriptCompiler(ScriptCompiler.scriptClassPath())
                .compileText(Map.of(path, scripts.source(control))).classesOrThrow();
        Map<String, Behaviour> only = Behaviours.of(GenerationClassLoader.of("bench-reference", classes),
                classes.keySet());
        Simulation sim = FreshWorld.headless(settings.hz(), settings.seed(), scripts.names(), only,
                scripts.spawnPlan(settings.entities()), EventSink.NONE);
        Map<Long, StrategyRecording.BehaviourStats> out = new HashMap<>();
        for (long target : ticks) {
            while (sim.world().tick < target) {
                sim.tick(PlayerInput.NONE);
            }
            out.put(target, lineOf(dev.pitstop.sim.StatsReport.of(sim), control));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static StrategyRecording.BehaviourStats lineOf(Event stats, String behaviour) {
        Map<String, Object> all = (Map<String, Object>) stats.get("behaviours");
        Map<String, Object> b = (Map<String, Object>) all.get(behaviour);
        if (b == null) {
            return null;
        }
        return new StrategyRecording.BehaviourStats(((Number) b.get("count")).longValue(),
                ((Number) b.get("meanSpeed")).doubleValue(), ((Number) b.get("cx")).doubleValue(),
                ((Number) b.get("cy")).doubleValue());
    }
}
