package dev.pitstop.reload;

import dev.pitstop.sim.ErrorText;
import dev.pitstop.sim.ScriptFault;
import dev.pitstop.sim.ScriptLine;
import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One build, from files read to a generation ready to go live: compile → verify → load (a shadow
 * copy and the live classes) → shadow run → warm-up, each step's {@code reload} event, and what
 * the next build reuses (the last generation's unchanged instances, the shadow lineage, the
 * fingerprints to compare against). Script code runs on the {@link ScriptWorker} under its
 * deadline. Attempts are numbered from 1 and never reuse a number that was told.
 *
 * <p>Thread use: the reload thread (the caller's for generation 1); {@link #forgetReuse} from any.
 */
final class ReloadPipeline {

    private final ReloadSettings settings;
    private final ScriptFolder folder;
    private final IncrementalCompiler compiler;
    private final GenerationBuilder builder;
    private final ScriptWorker scripts;
    private final ReloadEvents events;
    private final WorldLink world;
    private final AtomicInteger nextNumber = new AtomicInteger(1);

    private String lastAttemptHash;
    private Map<String, String> lastFingerprints = Map.of();
    /** The last generation that passed every check: its unchanged behaviours are reused, JIT-warm. */
    private volatile Generation lastBuilt;
    /**
     * What the last shadow run of a generation that passed ran: shadow copies only, never live
     * objects. The next shadow run reuses its instances of unchanged behaviours (JIT-warm, as the
     * live game reuses its own); dropped when a script thread is left stuck, as it may be running
     * them, and with {@link #lastBuilt} when reuse is forgotten.
     */
    private volatile GenerationBuilder.Built shadowLineage;
    private volatile SourceSet lastBuiltFiles;
    private volatile boolean reuseForgotten;
    /** A script thread was left stuck since {@link #save}: the shadow lineage it may run is gone for good. */
    private volatile boolean lineageDropped;
    private volatile Consumer<SourceSet> builtFrom = files -> { };
    /** How far the last build abandoned for newer content got, told with the next build's {@code detected}. */
    private String abandonedAfter;

    /**
     * Thrown out of an attempt whose files no longer hold what it read, between two of its steps:
     * a save caught half-written is redone from the final content at once rather than after a
     * build that can never go live.
     */
    static final class Superseded extends RuntimeException {
        Superseded() {
            super("the files changed while they were built", null, false, false);
        }
    }

    ReloadPipeline(ReloadSettings settings, ScriptFolder folder, IncrementalCompiler compiler, GenerationBuilder builder,
            ScriptWorker scripts, ReloadEvents events, WorldLink world) {
        this.settings = settings;
        this.folder = folder;
        this.compiler = compiler;
        this.builder = builder;
        this.scripts = scripts;
        this.events = events;
        this.world = world;
    }

    /** What a build superseded by newer content gives back, so that it leaves no trace. */
    record Saved(Map<String, String> fingerprints, Generation built, GenerationBuilder.Built lineage, SourceSet files) { }

    Saved save() {
        lineageDropped = false;
        return new Saved(lastFingerprints, lastBuilt, shadowLineage, lastBuiltFiles);
    }

    /** Forgets the attempt made since {@code saved}: its number, and all it would leave to the next. */
    void forget(Saved saved) {
        nextNumber.compareAndSet(lastNumber() + 1, lastNumber());
        lastFingerprints = saved.fingerprints();
        lastBuilt = saved.built();
        // A stuck thread may still be running the lineage's instances: it does not come back.
        shadowLineage = lineageDropped ? null : saved.lineage();
        lastBuiltFiles = saved.files();
        lastAttemptHash = null;
    }

    /** Whether a file that held something in the last build's files is empty in {@code files}. */
    boolean emptied(SourceSet files) {
        SourceSet last = lastBuiltFiles;
        if (last == null) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : files.files().entrySet()) {
            byte[] before = last.files().get(e.getKey());
            if (e.getValue().length == 0 && before != null && before.length > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the last attempt was of exactly these files. */
    boolean alreadyTried(SourceSet files) {
        return files.hash().equals(lastAttemptHash);
    }

    /** The next look at the files builds them even if the last attempt was of the same. */
    void tryAgain() {
        lastAttemptHash = null;
    }

    int lastNumber() {
        return nextNumber.get() - 1;
    }

    /** See {@link ReloadCoordinator#onBuilt}. */
    void onBuilt(Consumer<SourceSet> listener) {
        builtFrom = listener;
        SourceSet last = lastBuiltFiles;
        if (last != null) {
            listener.accept(last);
        }
    }

    /**
     * The path warm-up's last shadow copy, of {@code files}, becomes the shadow lineage if nothing
     * was built since generation 1 from those very files and no lineage exists: the first save's
     * shadow run then reuses its unchanged behaviours, as every later one reuses the last one's.
     * Reload thread.
     */
    void adoptLineage(GenerationBuilder.Built lineage, SourceSet files) {
        SourceSet built = lastBuiltFiles;
        if (lineage != null && shadowLineage == null && !reuseForgotten && built != null && files != null
                && built.hash().equals(files.hash())) {
            shadowLineage = lineage;
        }
    }

    /** See {@link ReloadCoordinator#forgetReuse}. Any thread. */
    void forgetReuse() {
        reuseForgotten = true;
        // Let go of its classes now, not at the next save; its shadow copies hold what it hoards too.
        lastBuilt = null;
        shadowLineage = null;
    }

    /** Between two steps of an attempt: stops it if its files no longer hold what it read. */
    private static void stopIf(BooleanSupplier stale) {
        if (stale.getAsBoolean()) {
            throw new Superseded();
        }
    }

    /** The build before the next was abandoned for newer content after its phase {@code phase}. Reload thread. */
    void abandoned(String phase) {
        abandonedAfter = phase;
    }

    /** One attempt, numbered; returns the generation ready to go live (the caller hands it over) or throws why not. */
    ReadyGeneration attempt(SourceSet files, long sinceNanos, String trigger, boolean announce) throws Rejection {
        return attempt(files, sinceNanos, trigger, announce, () -> false);
    }

    /**
     * As {@link #attempt(SourceSet, long, String, boolean)}, asking {@code stale} after each step
     * before the shadow run (compile, verify, load) whether the files still hold what it read.
     *
     * @throws Superseded as soon as {@code stale} says they no longer do
     */
    ReadyGeneration attempt(SourceSet files, long sinceNanos, String trigger, boolean announce, BooleanSupplier stale)
            throws Rejection {
        lastAttemptHash = files.hash();
        if (reuseForgotten) {
            reuseForgotten = false;
            lastBuilt = null;
            shadowLineage = null;
        }
        int number = nextNumber.getAndIncrement();
        long t0 = System.nanoTime();
        events.detected(number, (t0 - sinceNanos) / 1e6, trigger, abandonedAfter);
        abandonedAfter = null;

        Map<String, byte[]> classes;
        Map<String, String> sourceOf;
        if (compiler != null) {
            CompileResult compiled = announce ? compiler.compile(files) : compiler.full(files);
            long t1 = System.nanoTime();
            events.emit(events.phaseEvent(number, "compiled", (t1 - t0) / 1e6).with("files", compiled.compiledFiles()));
            stopIf(stale);
            if (!compiled.ok()) {
                throw new Rejection("compile", compiled.errors());
            }
            classes = compiled.classes();
            sourceOf = compiled.sourceOf();
            t0 = t1;
        } else {
            classes = new TreeMap<>();
            for (Map.Entry<String, byte[]> e : files.files().entrySet()) {
                String name = e.getKey().substring(0, e.getKey().length() - ".class".length()).replace('/', '.');
                classes.put(name, e.getValue());
            }
            sourceOf = Map.of();
        }
        if (classes.isEmpty()) {
            throw new Rejection("verify", new Diagnostic(null, 0, 0,
                    "no script classes in " + folder.root() + " (expected " + folder.kind().suffix + " files)"));
        }
        SlotTable slots = world.slots();
        Set<String> mustStay = new HashSet<>(world.liveNames());
        mustStay.retainAll(slots.names());
        SourceLines lines = compiler != null ? new SourceLines(files.files()) : SourceLines.NONE;
        GenerationBuilder.Checked checked = builder.check(classes, sourceOf, lines);
        long t2 = System.nanoTime();
        events.phase(number, "verified", (t2 - t0) / 1e6);
        stopIf(stale);
        ScriptLocator locator = checked.files()::get;
        // The tasks below capture these locals, not this pipeline: a script thread left stuck
        // keeps only its own attempt alive.
        GenerationBuilder b = builder;
        Map<String, String> fileHashes = files.fileHashes();
        Generation earlier = lastBuilt;
        GenerationBuilder.Built shadowEarlier = shadowLineage;
        GenerationBuilder.Built built;
        if (announce && settings.safety().shadowTicks() > 0) {
            Set<String> changed = Fingerprints.changedBehaviours(checked.prints(), earlier);
            CompletableFuture<WorldState> copy = world.request(changed);
            try {
                Loaded loaded = offThread(number, Step.LOAD, locator,
                        loads(b, number, checked, fileHashes, mustStay, slots, shadowEarlier, earlier));
                GenerationBuilder.Built shadowCopy = loaded.shadowCopy();
                built = loaded.live();
                long t4 = System.nanoTime();
                events.emit(events.phaseEvent(number, "loaded", (t4 - t2) / 1e6)
                        .with("shadowCopyMs", ReloadEvents.ms(loaded.copiedAt() - t2))
                        .with("shadowNew", shadowCopy.instantiated().size())
                        .with("liveNew", built.instantiated().size()));
                stopIf(stale);
                shadow(number, shadowCopy.generation(), built, copy, changed, locator);
                shadowLineage = shadowCopy;
            } finally {
                world.withdraw(copy);
            }
        } else {
            built = offThread(number, Step.LOAD, locator,
                    () -> b.load(number, checked, fileHashes, mustStay, slots, earlier));
            events.phase(number, "loaded", (System.nanoTime() - t2) / 1e6);
        }

        Generation g = built.generation();
        lastBuilt = g;
        Fingerprints.Changes changes = Fingerprints.between(lastFingerprints, g.fingerprints());
        lastFingerprints = g.fingerprints();
        for (String w : built.warnings()) {
            events.warning(number, w);
        }
        lastBuiltFiles = files;
        builtFrom.accept(files);
        return new ReadyGeneration(g, changes.added(), changes.removed(), changes.changed(), sinceNanos);
    }

    /**
     * Runs the shadow copy {@code copyOf} on a sample of the live world weighted to the behaviours
     * {@code changed}; a fault rejects it (reason shadow). Then warms the JIT on the live
     * generation's new instances, on a thinner copy of the same sample.
     */
    private void shadow(int number, Generation copyOf, GenerationBuilder.Built live,
            CompletableFuture<WorldState> wanted, Set<String> changed, ScriptLocator locator) throws Rejection {
        long t0 = System.nanoTime();
        WorldState copy = WorldLink.await(wanted);
        if (copy == null) {
            events.warning(number, "no shadow run: the game thread did not hand over a copy of the world in time");
            return;
        }
        // Thinner: see WorldLink.WARM_UP_ENTITIES.
        WorldState warmUpCopy = copy.sample(changed, WorldLink.WARM_UP_ENTITIES, WorldLink.SHADOW_OTHER_ENTITIES, 0);
        int ticks = settings.safety().shadowTicks();
        Ran ran = offThread(number, Step.SHADOW, locator, shadowThenWarmUp(copyOf, copy, live, warmUpCopy, ticks));
        ShadowRun.Fault fault = ran.fault();
        if (fault != null) {
            events.phase(number, "shadow", (System.nanoTime() - t0) / 1e6);
            ScriptFault f = fault.fault();
            throw new Rejection("shadow", Diagnostic.at(f.where(), f.behaviour() + " faulted in the shadow run after "
                    + fault.ticks() + " ticks: " + f.describe()));
        }
        long t2 = System.nanoTime();
        events.emit(events.phaseEvent(number, "shadow", (t2 - t0) / 1e6).with("warmUpMs", ReloadEvents.ms(t2 - ran.shadowEnd())));
    }

    /** What the loading task made: the shadow copy, when it was done ({@link System#nanoTime}), the live generation. */
    record Loaded(GenerationBuilder.Built shadowCopy, long copiedAt, GenerationBuilder.Built live) { }

    /** What the shadow task found (null: no fault) and when its shadow run ended ({@link System#nanoTime}). */
    record Ran(ShadowRun.Fault fault, long shadowEnd) { }

    /*
     * The two script tasks of a build are made here for the path warm-up too ({@link PathWarmUp}):
     * a lambda's call site links the first time it runs (milliseconds while the JVM is young), and
     * the warm-up running these very sites leaves the first save none to link.
     */

    /** Both loads of a build in one hand-over to the script thread, each step under its own deadline. */
    static ScriptWorker.Task<Loaded> loads(GenerationBuilder b, int number, GenerationBuilder.Checked checked,
            Map<String, String> fileHashes, Set<String> mustStay, SlotTable slots, GenerationBuilder.Built shadowEarlier,
            Generation earlier) {
        return () -> {
            GenerationBuilder.Built copyOf = b.loadShadowCopy(number, checked, fileHashes, mustStay, slots,
                    shadowEarlier);
            long copied = System.nanoTime();
            ScriptWorker.nextStep();
            return new Loaded(copyOf, copied, b.loadLive(number, checked, fileHashes, slots, earlier, copyOf));
        };
    }

    /**
     * The shadow run of {@code copyOf} on {@code copy} and, if it passed, the warm-up of {@code live}'s
     * new instances on {@code warmUpCopy}, in one hand-over, each step under its own deadline.
     */
    static ScriptWorker.Task<Ran> shadowThenWarmUp(Generation copyOf, WorldState copy, GenerationBuilder.Built live,
            WorldState warmUpCopy, int ticks) {
        return () -> {
            ShadowRun.Fault found = ShadowRun.run(copyOf.table(), copy, ticks);
            long shadowEnd = System.nanoTime();
            if (found == null) {
                ScriptWorker.nextStep();
                WarmUp.run(live.generation().table(), live.instantiated(), warmUpCopy, ticks);
            }
            return new Ran(found, shadowEnd);
        };
    }

    /** The steps that run script code, each under the worker's deadline, and how a stuck one is rejected. */
    private enum Step {
        LOAD("verify", "a static initializer or constructor did not finish within "),
        SHADOW("shadow", "the shadow run did not finish within "),
        WARM_UP("shadow", "the warm-up run of the new code did not finish within ");

        final String reason;
        final String stuck;

        Step(String reason, String stuck) {
            this.reason = reason;
            this.stuck = stuck;
        }
    }

    /**
     * Runs {@code task} on the script worker. Past the deadline the attempt is rejected at the
     * script line the worker was stuck on, a warning names the thread left behind, and this
     * returns at once: the next attempt gets a fresh thread.
     */
    private <T> T offThread(int number, Step step, ScriptLocator locator, ScriptWorker.Task<T> task) throws Rejection {
        try {
            return scripts.call(task);
        } catch (ScriptWorker.Stuck stuck) {
            // A task of two steps names the second by its thread's name while it runs.
            Step at = step == Step.SHADOW && WarmUp.THREAD_NAME.equals(stuck.threadName()) ? Step.WARM_UP : step;
            shadowLineage = null;
            lineageDropped = true;
            ScriptLine frame = ErrorText.scriptLine(stuck.stack(), locator);
            String where = frame == null ? "" : " at " + frame;
            String thread = stuck.threadName().equals(stuck.workerName()) ? stuck.workerName()
                    : stuck.threadName() + " (" + stuck.workerName() + ")";
            events.stuck(number, stuck.workerName(), "thread " + thread + " is stuck in script code" + where + " ("
                    + at.stuck + ScriptWorker.DEADLINE_MILLIS + " ms); it is left behind, and reloads go on on a fresh thread");
            throw new Rejection(at.reason, Diagnostic.at(frame, at.stuck + ScriptWorker.DEADLINE_MILLIS
                    + " ms" + (frame == null ? "" : "; it was still running" + where)));
        }
    }
}
