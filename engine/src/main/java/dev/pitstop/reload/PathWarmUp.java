package dev.pitstop.reload;

import dev.pitstop.reload.bytecode.CheckMemory;
import dev.pitstop.reload.bytecode.ClassFacts;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Warms the game JVM's half of the reload path before the first save needs it: the sandbox scan,
 * the budget instrumentation, defining and linking a generation's classes (its shadow copy and
 * its live classes) in fresh loaders, constructing its behaviours, a shadow run and a warm-up run,
 * all done again on generation 1's classes and thrown away: the first round builds everything, each
 * later one rehearses an edit of one behaviour (checked again through the warm-up's own
 * {@code CheckMemory}, loaded anew, the others kept from the round before), round after round until
 * {@link #PATIENCE} rounds are no faster than the best before (or for at most {@link #MAX_ROUNDS}
 * rounds, {@link #MAX_NANOS} in all). Cold, this path took
 * about ten times as long as warm (the first save after the start spent 140 ms in its shadow run
 * and 39 ms in the scan, against 8 and 3 ms later); its code is the engine's own, so what the JIT
 * compiles here serves every later save.
 *
 * <p>What it builds never meets the live game: its classes are its own (loaders numbered {@link
 * #NUMBER}), nothing of the live generation is reused, its runs get copies of the world, and
 * nothing it does is told. Its last round's shadow copy, if its shadow run passed, becomes the
 * first real save's shadow lineage ({@link Result#lineage}): a shadow copy of generation 1's very
 * bytes, run only on copies, whose unchanged behaviours that save's shadow run then reuses instead
 * of loading all of them cold. Script code runs on the reload pipeline's script worker under its
 * deadline, in the very tasks a real reload hands it ({@link ReloadPipeline#loads},
 * {@link ReloadPipeline#shadowThenWarmUp}). A real reload waiting ends it between two steps. With a
 * debugger attached it stops short of running script code, whose breakpoints would stop it.
 *
 * <p>Reload thread only.
 */
final class PathWarmUp {

    /** The generation number of the throwaway builds: no real generation has it. */
    static final int NUMBER = 0;
    static final int MAX_ROUNDS = 8;
    static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(3);
    /**
     * Shadow ticks of a warm-up round: enough to bring the tick's code for new classes to the JIT,
     * few enough that a save arriving meanwhile waits little for the round to end.
     */
    static final int SHADOW_TICKS = 10;
    /** Table alignments per round: enough for the JIT to compile the swap's one step on the game thread. */
    static final int ALIGNMENTS = 2_000;
    /** Rounds without a new best after which it stops. */
    private static final int PATIENCE = 3;

    /**
     * How the warm-up went: rounds run, the first and the last round's time, the last round's
     * scan and instrumentation, loading (the shadow copy and the live classes) and shadow and
     * warm-up runs, and the total, in ms; and the script thread it left stuck, or null.
     */
    record Result(int rounds, double firstMs, double lastMs, double checkMs, double loadMs, double shadowMs,
            double totalMs, String stuckThread, GenerationBuilder.Built lineage) { }

    /** The class of the behaviour a round treats as edited: each round another, in name order. */
    private static String oneBehaviour(GenerationBuilder.Built built, int round) {
        List<String> behaviours = built.shapes().entrySet().stream().filter(e -> e.getValue() != null
                && e.getValue().behaviour()).map(Map.Entry::getKey).sorted().toList();
        return behaviours.isEmpty() ? null : behaviours.get(round % behaviours.size());
    }

    /**
     * {@code className} and every class that reaches it: what an edit of it makes new, as its
     * fingerprint changes theirs (a class kept while one it uses is new would not be an edit's).
     */
    private static Set<String> withUsers(String className, Map<String, ClassFacts> facts) {
        if (className == null) {
            return Set.of();
        }
        Set<String> users = new TreeSet<>();
        for (String c : facts.keySet()) {
            if (Fingerprints.reach(c, facts).contains(className)) {
                users.add(c);
            }
        }
        return users;
    }

    /** {@code built} as a lineage that never loaded {@code classNames}: a load from it loads them anew. */
    private static GenerationBuilder.Built without(GenerationBuilder.Built built, Set<String> classNames) {
        if (classNames.isEmpty()) {
            return built;
        }
        Map<String, ClassShape> shapes = new TreeMap<>(built.shapes());
        shapes.keySet().removeAll(classNames);
        return new GenerationBuilder.Built(without(built.generation(), built, classNames), built.warnings(),
                built.instantiated(), shapes);
    }

    /** {@code g} without the instances of the behaviours among {@code classNames}: a load from it makes them anew. */
    private static Generation without(Generation g, GenerationBuilder.Built shapesOf, Set<String> classNames) {
        Map<String, String> prints = new TreeMap<>(g.fingerprints());
        for (String c : classNames) {
            ClassShape shape = shapesOf.shapes().get(c);
            if (shape != null && shape.behaviour()) {
                prints.remove(shape.simpleName());
            }
        }
        return new Generation(g.number(), g.table(), g.fileHashes(), prints);
    }

    private PathWarmUp() {
    }

    /**
     * @param compiled  generation 1's classes, as the compiler made them
     * @param files     generation 1's sources
     * @param scripts   where script code runs (static initializers, constructors, shadow and warm-up
     *                  runs), under its deadline, as a real reload runs it
     * @param copy      a copy of the live world from the game thread, or null if it did not answer
     * @param stop      whether a real reload waits (checked between steps)
     */
    static Result run(GenerationBuilder builder, CompileResult compiled, SourceSet files, Supplier<SlotTable> slots,
            ScriptWorker scripts, Supplier<WorldState> copy, int shadowTicks, BooleanSupplier stop) {
        boolean runScripts = !debuggerAgentLoaded();
        SourceLines lines = new SourceLines(files.files());
        Map<String, String> fileHashes = files.fileHashes();
        List<Double> rounds = new ArrayList<>();
        long start = System.nanoTime();
        double best = Double.MAX_VALUE;
        double[] steps = {0, 0, 0};
        WorldState world = null; // one copy from the game thread, copied again for each round
        String stuck = null;
        GenerationBuilder.Built lineage = null;
        GenerationBuilder.Built lastShadow = null;
        Generation lastLive = null;
        CheckMemory rehearsal = new CheckMemory(); // the warm-up's own, as the builder's is the real edits'
        int sinceBest = 0;
        while (rounds.size() < MAX_ROUNDS && sinceBest < PATIENCE && System.nanoTime() - start < MAX_NANOS
                && !stop.getAsBoolean()) {
            long t0 = System.nanoTime();
            long t1 = t0;
            long t2 = t0;
            long t3 = t0;
            try {
                // After the first round, each round is built as an edit of one behaviour is: that one
                // checked again and loaded anew, the others kept from the round before (JIT-warm).
                String editedClass = lastShadow == null ? null : oneBehaviour(lastShadow, rounds.size());
                GenerationBuilder.Checked checked = builder.rehearseCheck(rehearsal, editedClass, compiled.classes(),
                        compiled.sourceOf(), lines);
                t1 = t2 = t3 = System.nanoTime();
                if (runScripts && !stop.getAsBoolean()) {
                    SlotTable s = slots.get();
                    Set<String> edited = editedClass == null ? Set.of() : withUsers(editedClass, checked.facts());
                    GenerationBuilder.Built lineageBefore = lastShadow == null ? null : without(lastShadow, edited);
                    Generation liveBefore = lastLive == null ? null : without(lastLive, lastShadow, edited);
                    ReloadPipeline.Loaded loaded = scripts.call(ReloadPipeline.loads(builder, NUMBER, checked,
                            fileHashes, Set.of(), s, lineageBefore, liveBefore));
                    GenerationBuilder.Built shadowCopy = loaded.shadowCopy();
                    GenerationBuilder.Built live = loaded.live();
                    lastShadow = shadowCopy;
                    lastLive = live.generation();
                    // The game thread's whole share of a swap is aligning the new table to the
                    // world's slots: run cold, as it is once per swap, it takes microseconds.
                    ScriptTable table = live.generation().table();
                    for (int i = 0; i < ALIGNMENTS; i++) {
                        table.alignedTo(s);
                    }
                    t2 = t3 = System.nanoTime();
                    if (world == null && shadowTicks > 0 && !stop.getAsBoolean()) {
                        world = copy.get();
                    }
                    if (world != null) {
                        // Weighted to the rehearsed edit, as a real edit's copies of a large world are
                        // (its even copy stands for the large world; the same code samples both).
                        Set<String> focus = new TreeSet<>();
                        edited.forEach(c -> focus.add(ClassShape.simpleName(c)));
                        WorldState shadowWorld = focus.isEmpty() ? world.copy()
                                : world.sample(focus, WorldLink.SHADOW_FOCUS_ENTITIES, WorldLink.SHADOW_OTHER_ENTITIES,
                                        WorldLink.SHADOW_SAMPLE_ENTITIES);
                        WorldState warmUpWorld = focus.isEmpty() ? world.copy()
                                : shadowWorld.sample(focus, WorldLink.WARM_UP_ENTITIES, WorldLink.SHADOW_OTHER_ENTITIES, 0);
                        int ticks = Math.min(shadowTicks, SHADOW_TICKS);
                        ReloadPipeline.Ran ran = scripts.call(ReloadPipeline.shadowThenWarmUp(
                                shadowCopy.generation(), shadowWorld, live, warmUpWorld, ticks));
                        lineage = ran.fault() == null ? shadowCopy : null;
                    }
                    t3 = System.nanoTime();
                }
            } catch (ScriptWorker.Stuck e) {
                stuck = e.workerName();
                break;
            } catch (Rejection | RuntimeException | LinkageError e) {
                break; // generation 1 passed all of this; whatever went wrong costs speed only
            }
            double ms = (t3 - t0) / 1e6;
            steps = new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6};
            rounds.add(ms);
            pause(t3 - t0, stop);
            if (ms < best * 0.95) {
                best = ms;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
        }
        double total = (System.nanoTime() - start) / 1e6;
        if (stuck != null) {
            lineage = null; // the stuck thread may be running its instances
        }
        return rounds.isEmpty() ? new Result(0, 0, 0, 0, 0, 0, total, stuck, null)
                : new Result(rounds.size(), rounds.get(0), rounds.get(rounds.size() - 1), steps[0], steps[1], steps[2],
                        total, stuck, lineage);
    }

    /**
     * Rests as long as the round took (its thread busy half the time at most), so that the game
     * thread, the JIT's threads and the compile process find a core free while the JVM is young.
     * Cut short when a real reload waits.
     */
    private static void pause(long roundNanos, BooleanSupplier stop) {
        long until = System.nanoTime() + roundNanos;
        try {
            while (!stop.getAsBoolean() && System.nanoTime() < until) {
                Thread.sleep(Math.max(1, Math.min(5, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean debuggerAgentLoaded() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-agentlib:jdwp") || arg.startsWith("-Xrunjdwp") || arg.contains("jdwp")) {
                return true;
            }
        }
        return false;
    }
}
