package dev.pitstop.bench.jmh;

import dev.pitstop.api.Behaviour;
import dev.pitstop.bench.scripts.Behaviours;
import dev.pitstop.reload.GenerationClassLoader;
import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.world.SlotTable;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One behaviour update dispatched as the simulation does it, through the engine's own table of the
 * live generation ({@link ScriptTable#inSlot}{@code (slot[i]).update(...)}, the lookup the
 * simulation makes, with the class loaded by a generation's own class loader), against a direct
 * call of the same compiled class, whose type the JIT knows. Both do the same update on the same
 * entities; the difference is the price of reloadability. A third variant spreads the entities
 * over four generations' copies of the class, so the call site sees four receiver classes, as a
 * world of many behaviours does. Times are per update.
 *
 * <p>JMH calls it on its benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DispatchBenchmark {

    static final int ENTITIES = 1024;

    ArrayAgent agent;
    StillWorld world;
    Tracker direct;
    /** The live generation's table, as the simulation holds it: one generation's Tracker in slot 0. */
    ScriptTable live;
    int[] slot;
    /** Four generations' copies of Tracker, in slots 0 to 3. */
    ScriptTable fourGenerations;
    int[] fourSlots;

    @Setup
    public void setUp() throws IOException, ReflectiveOperationException {
        agent = new ArrayAgent(ENTITIES);
        world = new StillWorld();
        direct = new Tracker();
        byte[] bytes = classFile(Tracker.class);
        Map<String, Behaviour> four = new LinkedHashMap<>();
        for (int g = 1; g <= 4; g++) {
            four.put("Tracker" + g, loadAsGeneration(g, bytes));
        }
        live = new ScriptTable(1, Map.of("Tracker", four.get("Tracker1")), ScriptLocator.NONE,
                SlotTable.of(List.of("Tracker")));
        slot = new int[ENTITIES];
        fourGenerations = new ScriptTable(2, four, ScriptLocator.NONE, SlotTable.of(List.copyOf(four.keySet())));
        fourSlots = new int[ENTITIES];
        for (int i = 0; i < ENTITIES; i++) {
            fourSlots[i] = i % 4;
        }
    }

    /** The class file of {@code c}, as javac wrote it. */
    static byte[] classFile(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + c.getName());
            }
            return in.readAllBytes();
        }
    }

    private static Behaviour loadAsGeneration(int number, byte[] trackerClass) throws ReflectiveOperationException {
        ClassLoader loader = GenerationClassLoader.of("bench-" + number, Map.of(Tracker.class.getName(), trackerClass));
        Behaviour b = Behaviours.of(loader, List.of(Tracker.class.getName())).get("Tracker");
        if (b.getClass() == Tracker.class) {
            throw new IllegalStateException("the generation's loader did not load its own copy of Tracker");
        }
        return b;
    }

    @Benchmark
    @OperationsPerInvocation(ENTITIES)
    public float slotDispatch() {
        return throughSlots(live, slot);
    }

    @Benchmark
    @OperationsPerInvocation(ENTITIES)
    public float directCall() {
        ArrayAgent a = agent;
        StillWorld w = world;
        Tracker t = direct;
        for (int i = 0; i < ENTITIES; i++) {
            a.at(i);
            t.update(a, w);
        }
        return a.sum();
    }

    @Benchmark
    @OperationsPerInvocation(ENTITIES)
    public float slotDispatchFourClasses() {
        return throughSlots(fourGenerations, fourSlots);
    }

    private float throughSlots(ScriptTable table, int[] slots) {
        ArrayAgent a = agent;
        StillWorld w = world;
        for (int i = 0; i < ENTITIES; i++) {
            Behaviour b = table.inSlot(slots[i]);
            if (b == null) {
                continue;
            }
            a.at(i);
            b.update(a, w);
        }
        return a.sum();
    }
}
