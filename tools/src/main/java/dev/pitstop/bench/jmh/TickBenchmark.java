package dev.pitstop.bench.jmh;

import dev.pitstop.sim.PlayerInput;
import dev.pitstop.sim.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One tick of the simulation with the benchmark's 20 generated behaviours driving 1,000 or 10,000
 * enemies: the same world the swap-latency benchmark runs, as fast as it goes.
 *
 * <p>JMH calls it on its benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickBenchmark {

    @Param({"1000", "10000"})
    int entities;

    Simulation sim;

    @Setup
    public void setUp() throws Exception {
        sim = BenchGame.start(20, entities).sim();
    }

    @Benchmark
    public long tick() {
        sim.tick(PlayerInput.NONE);
        return sim.world().tick;
    }
}
