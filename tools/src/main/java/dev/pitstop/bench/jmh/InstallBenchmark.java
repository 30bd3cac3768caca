package dev.pitstop.bench.jmh;

import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.sim.Simulation;
import dev.pitstop.world.SlotTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the game thread does to make a ready generation live ({@link Simulation#install}), the work
 * behind the swap event's {@code pauseMicros}: with a table built for the world's slots (the usual
 * case, one reference write) and with one built for an older slot table, which has to be realigned
 * (a new table: after an edit added a behaviour while the generation was being built).
 *
 * <p>JMH calls it on its benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InstallBenchmark {

    Simulation sim;
    ScriptTable even;
    ScriptTable odd;
    ScriptTable stale;
    boolean flip;

    @Setup
    public void setUp() throws Exception {
        BenchGame game = BenchGame.start(20, 1000);
        sim = game.sim();
        SlotTable slots = sim.world().slots;
        even = new ScriptTable(2, game.behaviours(), ScriptLocator.NONE, slots);
        odd = new ScriptTable(3, game.behaviours(), ScriptLocator.NONE, slots);
        stale = new ScriptTable(4, game.behaviours(), ScriptLocator.NONE, SlotTable.EMPTY);
    }

    @Benchmark
    public ScriptTable install() {
        flip = !flip;
        sim.install(flip ? even : odd);
        return sim.scripts();
    }

    @Benchmark
    public ScriptTable installRealigning() {
        sim.install(stale);
        return sim.scripts();
    }
}
