package dev.pitstop.bench.jmh;

import dev.pitstop.api.Behaviour;
import dev.pitstop.bench.scripts.BenchScripts;
import dev.pitstop.compile.ScriptCompiler;
import dev.pitstop.sim.FreshWorld;
import dev.pitstop.bench.scripts.Behaviours;
import dev.pitstop.reload.GenerationClassLoader;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.Simulation;
import java.util.Map;

/**
 * The swap-latency benchmark's world for a JMH setup: its generated behaviours compiled and loaded
 * as one generation, and the world they drive. Made on the benchmark thread.
 */
record BenchGame(Simulation sim, Map<String, Behaviour> behaviours) {

    static BenchGame start(int scripts, int entities) throws Exception {
        BenchScripts generated = BenchScripts.generate(scripts);
        Map<String, byte[]> classes = new ScriptCompiler(ScriptCompiler.scriptClassPath())
                .compileText(generated.sources()).classesOrThrow();
        Map<String, Behaviour> behaviours = Behaviours.of(GenerationClassLoader.of("bench", classes), classes.keySet());
        Simulation sim = FreshWorld.headless(60, 1, generated.names(), behaviours, generated.spawnPlan(entities),
                EventSink.NONE);
        return new BenchGame(sim, behaviours);
    }
}
