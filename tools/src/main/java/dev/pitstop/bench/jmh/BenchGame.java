package dev.pitstop.bench.jmh;

import dev.pitstop.api.Behaviour;
import dev.pitstop.bench.scripts.BenchScripts;
import dev.pitstop.bench.scripts.BenchWorld;
import dev.pitstop.bench.scripts.ByteClassLoader;
import dev.pitstop.bench.scripts.SourceCompiler;
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
        Map<String, byte[]> classes = new SourceCompiler().compile(generated.sources());
        Map<String, Behaviour> behaviours = new ByteClassLoader("generation-1", classes).behaviours(classes.keySet());
        Simulation sim = BenchWorld.start(60, 1, generated.names(), behaviours, generated.spawnPlan(entities),
                EventSink.NONE);
        return new BenchGame(sim, behaviours);
    }
}
