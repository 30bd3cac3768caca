package dev.pitstop.reload;

import dev.pitstop.compile.ScriptCompiler;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.ErrorText;
import dev.pitstop.sim.ScriptFault;
import dev.pitstop.sim.ScriptLine;
import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The reload pipeline: watcher → read → compile → verify → load → shadow run → warm-up → quiet and
 * unchanged on disk → hand-off. A build starts at the first file event, speculatively; it goes
 * live only once the folder has been quiet for {@code --quiet-ms} and the files still hold what
 * it was built from, and is otherwise redone from the newer content. Everything but {@link
 * #takeReady()} runs on the one reload thread (or, for generation 1, on the caller's), except
 * script code: static initializers, constructors, the shadow run and the warm-up run on a {@link
 * ScriptWorker} under its deadline, so a script that never returns costs one abandoned thread and
 * a rejection, and the next save is built as usual. The game thread takes a ready generation
 * through a single atomic reference and installs it between two ticks; it never waits for any of
 * this. Attempts are numbered from 1 and never reuse a number.
 *
 * <p>Thread use: {@link #buildFirst} and {@link #start} on the main thread before the loop;
 * {@link #requestReload} and {@link #publishWorld} from any thread; {@link #takeReady} on the game
 * thread; the watcher's threads only call {@link #filesChanged}.
 */
public final class ReloadCoordinator implements AutoCloseable {

    /** How long a shadow run waits for the game thread's copy of the world (a paused debugger, say). */
    private static final long COPY_PATIENCE_MILLIS = 2000;
    /**
     * Entities in a shadow run's copy of the world: enough to meet every behaviour in use, few
     * enough that the game thread copies them in microseconds and the run takes milliseconds.
     */
    static final int SHADOW_SAMPLE_ENTITIES = 512;

    private final ReloadSettings settings;
    private final HeldEvents events;
    private final LongSupplier tick;
    private final ScriptFolder folder;
    private final CompilerProcess javac;
    private final IncrementalCompiler compiler;
    private final GenerationBuilder builder;
    private final ScriptWorker scripts = new ScriptWorker("pitstop-scripts");
    private final AtomicInteger nextNumber = new AtomicInteger(1);
    private final AtomicReference<ReadyGeneration> ready = new AtomicReference<>();
    /** File events seen so far: a build whose files saw none since it read them is not stale. */
    private final AtomicLong changeCount = new AtomicLong();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private long firstChangeNanos = -1;
    /** A build was superseded: build again now, counting from this first event ({@code -1}: none). */
    private long rebuildSince = -1;
    private long lastChangeNanos;
    private boolean manualRequested;
    private long manualRequestNanos;
    private boolean manualForced;
    private String manualTrigger = "manual";
    private boolean closed;

    private volatile SlotTable worldSlots = SlotTable.EMPTY;
    private volatile Runnable wakeGameThread = () -> { };
    private final AtomicReference<CompletableFuture<WorldState>> copyWanted = new AtomicReference<>();
    private volatile Set<String> liveNames = Set.of();
    private volatile boolean reuseForgotten;
    private volatile java.util.function.Consumer<SourceSet> builtFrom = files -> { };
    private volatile SourceSet lastBuiltFiles;

    // Reload thread state.
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
    private ChangeWatcher watcher = ChangeWatcher.OFF;
    private Thread worker;

    public ReloadCoordinator(ReloadSettings settings, EventSink events, LongSupplier tick) {
        this.settings = settings;
        this.events = new HeldEvents(events);
        this.tick = tick;
        this.folder = new ScriptFolder(settings.folder(), settings.kind());
        this.builder = new GenerationBuilder(settings.safety());
        this.javac = settings.kind() == ScriptFolder.Kind.SOURCES
                ? CompilerProcess.start(ScriptCompiler.scriptClassPath()) : null;
        this.compiler = javac == null ? null : new IncrementalCompiler(javac);
    }

    public ReloadSettings settings() {
        return settings;
    }

    /**
     * Builds generation 1 on the calling thread, before the game starts.
     *
     * @param slots the world's slot table (empty unless restoring)
     * @throws ScriptLoadException when the scripts do not compile or do not fit
     */
    public Generation buildFirst(SlotTable slots) throws ScriptLoadException {
        worldSlots = slots;
        SourceSet files = folder.read();
        try {
            Generation g = attempt(files, System.nanoTime(), "start", false).generation();
            ready.set(null);
            return g;
        } catch (Rejection r) {
            throw new ScriptLoadException(r.reason(), r.diagnostics());
        }
    }

    /** Arms the watcher (before this returns) and starts the reload thread. */
    public void start() throws IOException {
        watcher = switch (settings.watch()) {
            case NATIVE -> new NativeWatcher(settings.folder(), this::filesChanged);
            case POLL -> new PollingWatcher(settings.folder(), this::filesChanged, PollingWatcher.DEFAULT_INTERVAL_MILLIS);
            case OFF -> ChangeWatcher.OFF;
        };
        watcher.start();
        worker = new Thread(this::run, "pitstop-reload");
        worker.setDaemon(true);
        worker.start();
    }

    /** The watcher saw something change. Any thread. */
    void filesChanged() {
        long now = System.nanoTime();
        changeCount.incrementAndGet();
        lock.lock();
        try {
            if (firstChangeNanos < 0) {
                firstChangeNanos = now;
            }
            lastChangeNanos = now;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Build now, even if no file changed (stdin {@code reload}, F5). Any thread. */
    public void requestReload() {
        request("manual", true);
    }

    /**
     * Build now, without waiting for the watcher's quiet period, if the files changed since the
     * last attempt: a write made in one step (a tune's) needs no quiet period, and if the watcher
     * got there first nothing is built twice. {@code trigger} names it in the {@code reload}
     * events. Any thread.
     */
    public void requestBuild(String trigger) {
        request(trigger, false);
    }

    private void request(String trigger, boolean force) {
        lock.lock();
        try {
            if (!manualRequested) {
                manualRequestNanos = System.nanoTime();
                manualTrigger = trigger;
                manualForced = false;
            }
            if (force) {
                manualTrigger = trigger;
                manualForced = true;
            }
            manualRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code listener} is told the files of every generation that passes its checks, before it is
     * handed to the game thread (on the reload thread): a generation records only their hashes.
     * It is told the last one built so far at once, on the calling thread.
     */
    public void onBuilt(java.util.function.Consumer<SourceSet> listener) {
        builtFrom = listener;
        SourceSet last = lastBuiltFiles;
        if (last != null) {
            listener.accept(last);
        }
    }

    /** The game thread tells what the world now uses, for checks of the next attempt. */
    public void publishWorld(SlotTable slots, Set<String> live) {
        worldSlots = slots;
        liveNames = Set.copyOf(live);
    }

    /**
     * Called on the reload thread when the game thread is wanted between two ticks (a generation is
     * ready, or a shadow run needs a copy of the world), so that a game thread sleeping until its
     * next tick can serve it at once instead of a tick later.
     */
    public void setWakeGameThread(Runnable callback) {
        wakeGameThread = callback;
    }

    /**
     * Between two ticks: if a shadow run is waiting for a copy of the world, hands it a sample of
     * {@code world} ({@link #SHADOW_SAMPLE_ENTITIES} entities). Game thread.
     */
    public void serveWorldCopy(WorldState world) {
        CompletableFuture<WorldState> wanted = copyWanted.getAndSet(null);
        if (wanted != null) {
            wanted.complete(world.sample(SHADOW_SAMPLE_ENTITIES));
        }
    }

    /**
     * Asks the game thread for a copy of the world at its next tick boundary. Asked for before the
     * new classes load, so that the game thread's answer and the loading overlap.
     */
    private CompletableFuture<WorldState> requestWorldCopy() {
        CompletableFuture<WorldState> wanted = new CompletableFuture<>();
        copyWanted.set(wanted);
        wakeGameThread.run();
        return wanted;
    }

    /** The copy {@code wanted} brings, or null if the game thread did not answer in time. */
    private static WorldState awaitWorldCopy(CompletableFuture<WorldState> wanted) {
        try {
            return wanted.get(COPY_PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        }
    }

    /**
     * The live version was let go for holding on to memory: the next attempt makes fresh instances
     * of every behaviour instead of keeping unchanged ones, so nothing of the released version's
     * classes comes back. Any thread.
     */
    public void forgetReuse() {
        reuseForgotten = true;
        // Let go of its classes now, not at the next save; its shadow copies hold what it hoards too.
        lastBuilt = null;
        shadowLineage = null;
    }

    /** A generation ready to install, or null. Game thread. */
    public ReadyGeneration takeReady() {
        return ready.getAndSet(null);
    }

    /**
     * javac's first compiles are ten times slower than later ones (class loading, JIT): the compile
     * process warms itself on the sources of generation 1 while nobody waits, and stops as soon as
     * a real compile is asked for.
     */
    private void warmUp() {
        if (javac != null) {
            javac.warmUp();
        }
    }

    /**
     * Warms this JVM's half of the path (scan, instrumentation, loading, shadow run) on throwaway
     * builds of generation 1, while the compile process warms javac, so that the first save is
     * as fast as the later ones ({@link PathWarmUp}); says how it went in a {@code warmed} event.
     */
    private void warmPath() {
        if (compiler == null || compiler.lastResult() == null || "0".equals(System.getenv("PITSTOP_WARM_PATH"))) {
            return; // PITSTOP_WARM_PATH=0: without it, to measure what it costs and brings
        }
        PathWarmUp.Result r = PathWarmUp.run(builder, compiler.lastResult(), compiler.lastSources(), () -> worldSlots,
                scripts, () -> {
                    CompletableFuture<WorldState> wanted = requestWorldCopy();
                    try {
                        return awaitWorldCopy(wanted);
                    } finally {
                        copyWanted.compareAndSet(wanted, null);
                    }
                }, settings.safety().shadowTicks(), this::reloadWaiting);
        if (r.stuckThread() != null) {
            events.emit(Event.of("warning", tick.getAsLong()).with("thread", r.stuckThread()).with("message",
                    "thread " + r.stuckThread() + " is stuck in script code (the warm-up of the reload path did not finish "
                            + "within " + ScriptWorker.DEADLINE_MILLIS + " ms); it is left behind, and reloads go on on a "
                            + "fresh thread"));
        }
        events.emit(Event.of("warmed", tick.getAsLong()).with("rounds", r.rounds()).with("firstMs", round(r.firstMs()))
                .with("lastMs", round(r.lastMs())).with("checkMs", round(r.checkMs())).with("loadMs", round(r.loadMs()))
                .with("shadowMs", round(r.shadowMs())).with("ms", round(r.totalMs())));
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    /** Whether a real reload waits to be built (a file changed, or one was asked for). Any thread. */
    private boolean reloadWaiting() {
        lock.lock();
        try {
            return closed || manualRequested || firstChangeNanos >= 0 || rebuildSince >= 0;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        try {
            warmUp();
            warmPath();
        } catch (RuntimeException | LinkageError e) {
            // A warm-up that fails costs nothing but speed.
        }
        long timerPeriodNanos = TimeUnit.MILLISECONDS.toNanos(settings.reloadEveryMillis());
        long nextTimer = timerPeriodNanos > 0 ? System.nanoTime() + timerPeriodNanos : Long.MAX_VALUE;
        while (true) {
            long since;
            String trigger;
            boolean force;
            lock.lock();
            try {
                while (true) {
                    if (closed) {
                        return;
                    }
                    long now = System.nanoTime();
                    if (manualRequested) {
                        since = manualRequestNanos;
                        trigger = manualTrigger;
                        force = manualForced;
                        manualRequested = false;
                        break;
                    }
                    if (firstChangeNanos >= 0 || rebuildSince >= 0) {
                        // No quiet period before building: the build starts at the first event, and
                        // the quiet period holds back only its swap (see stillOnDisk).
                        since = rebuildSince >= 0 && (firstChangeNanos < 0 || rebuildSince < firstChangeNanos)
                                ? rebuildSince : firstChangeNanos;
                        trigger = "file";
                        force = false;
                        firstChangeNanos = -1;
                        rebuildSince = -1;
                        break;
                    }
                    if (now >= nextTimer) {
                        since = now;
                        trigger = "timer";
                        force = false;
                        nextTimer = now + timerPeriodNanos;
                        break;
                    }
                    wake.awaitNanos(nextTimer == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(60) : nextTimer - now);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                long changesAtRead = changeCount.get();
                SourceSet files = folder.read();
                if (!force && files.hash().equals(lastAttemptHash)) {
                    continue;
                }
                boolean speculative = "file".equals(trigger);
                Map<String, String> fingerprintsBefore = lastFingerprints;
                Generation builtBefore = lastBuilt;
                GenerationBuilder.Built lineageBefore = shadowLineage;
                SourceSet builtFilesBefore = lastBuiltFiles;
                ReadyGeneration built = null;
                Rejection rejected = null;
                if (speculative) {
                    events.hold();
                }
                try {
                    built = attempt(files, since, trigger, true);
                } catch (CancellationException stopping) {
                    return; // closed while script code ran: nothing more to build
                } catch (Rejection r) {
                    rejected = r;
                } finally {
                    if (speculative && !stillOnDisk(files, changesAtRead)) {
                        // Built from what the files held when the build started, which they no
                        // longer hold (most often a save read between its truncation and its
                        // write): it never goes live. Redone at once from the newer content, and
                        // forgotten, number and events, as if the build had waited.
                        events.drop();
                        nextNumber.compareAndSet(lastNumber() + 1, lastNumber());
                        lastFingerprints = fingerprintsBefore;
                        lastBuilt = builtBefore;
                        shadowLineage = lineageBefore;
                        lastBuiltFiles = builtFilesBefore;
                        lastAttemptHash = null;
                        rebuildSince = since;
                        built = null;
                        rejected = null;
                    } else {
                        events.release();
                    }
                }
                if (built != null) {
                    ready.set(built);
                    wakeGameThread.run();
                } else if (rejected != null) {
                    if (!speculative && !folder.read().hash().equals(files.hash())) {
                        // Read mid-save: the newer content is already on its way in; say so, build it.
                        reject(lastNumber(), "superseded", List.of(new Diagnostic(null, 0, 0,
                                "the files changed while this version was built; building the newer one")));
                        lastAttemptHash = null;
                    } else {
                        reject(lastNumber(), rejected.reason(), rejected.diagnostics());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | LinkageError e) {
                events.release();
                events.emit(Event.of("error", tick.getAsLong()).with("message", "reload failed: " + e));
            }
        }
    }

    /**
     * Whether the files still hold what {@code built} was read from, once the script folder has
     * been quiet for {@code --quiet-ms} (an editor's burst of writes is over): the content decides,
     * not the events, so a save that rewrote the same bytes changes nothing, and a build of a file
     * caught half-written goes live only if the file still reads the same once the folder is quiet.
     * Returns false as soon as an event brings other content, without waiting for the quiet, so
     * that the newer content is built at once. Reload thread.
     */
    private boolean stillOnDisk(SourceSet built, long changesAtRead) throws InterruptedException {
        long checked = changesAtRead;
        long quietNanos = TimeUnit.MILLISECONDS.toNanos(settings.quietMillis());
        while (true) {
            long seen = changeCount.get();
            if (seen != checked) {
                if (!folder.read().hash().equals(built.hash())) {
                    return false;
                }
                checked = seen;
            }
            lock.lock();
            try {
                long wait = lastChangeNanos + quietNanos - System.nanoTime();
                if (closed || wait <= 0) {
                    break;
                }
                if (changeCount.get() == checked) {
                    wake.awaitNanos(wait);
                }
            } finally {
                lock.unlock();
            }
        }
        // Read once more even when no event came since the last look: an event may be on its way.
        return folder.read().hash().equals(built.hash());
    }

    private int lastNumber() {
        return nextNumber.get() - 1;
    }

    /** One attempt, numbered; returns the generation ready to go live (the caller publishes it) or throws why not. */
    private ReadyGeneration attempt(SourceSet files, long sinceNanos, String trigger, boolean announce)
            throws Rejection {
        lastAttemptHash = files.hash();
        if (reuseForgotten) {
            reuseForgotten = false;
            lastBuilt = null;
            shadowLineage = null;
        }
        int number = nextNumber.getAndIncrement();
        long t0 = System.nanoTime();
        phase(number, "detected", (t0 - sinceNanos) / 1e6, trigger);

        Map<String, byte[]> classes;
        Map<String, String> sourceOf;
        if (compiler != null) {
            CompileResult compiled = announce ? compiler.compile(files) : compiler.full(files);
            long t1 = System.nanoTime();
            events.emit(phaseEvent(number, "compiled", (t1 - t0) / 1e6).with("files", compiled.compiledFiles()));
            if (!compiled.ok()) {
                throw new Rejection("compile", compiled.errors());
            }
            classes = compiled.classes();
            sourceOf = compiled.sourceOf();
            t0 = t1;
        } else {
            classes = new java.util.TreeMap<>();
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
        Set<String> mustStay = new HashSet<>(liveNames);
        mustStay.retainAll(worldSlots.names());
        SourceLines lines = compiler != null ? new SourceLines(files.files()) : SourceLines.NONE;
        GenerationBuilder.Checked checked = builder.check(classes, sourceOf, lines);
        long t2 = System.nanoTime();
        phase(number, "verified", (t2 - t0) / 1e6, null);
        ScriptLocator locator = checked.files()::get;
        // The tasks below capture these locals, not this coordinator: a script thread left stuck
        // keeps only its own attempt alive.
        GenerationBuilder b = builder;
        Map<String, String> fileHashes = files.fileHashes();
        SlotTable slots = worldSlots;
        Generation earlier = lastBuilt;
        GenerationBuilder.Built shadowEarlier = shadowLineage;
        GenerationBuilder.Built built;
        if (announce && settings.safety().shadowTicks() > 0) {
            CompletableFuture<WorldState> copy = requestWorldCopy();
            try {
                GenerationBuilder.Built shadowCopy = offThread(number, Step.LOAD, locator,
                        () -> b.loadShadowCopy(number, checked, fileHashes, mustStay, slots, shadowEarlier));
                long t3 = System.nanoTime();
                built = offThread(number, Step.LOAD, locator,
                        () -> b.loadLive(number, checked, fileHashes, slots, earlier, shadowCopy));
                long t4 = System.nanoTime();
                events.emit(phaseEvent(number, "loaded", (t4 - t2) / 1e6).with("shadowCopyMs", ms(t3 - t2)));
                shadow(number, shadowCopy.generation(), built, copy, locator);
                shadowLineage = shadowCopy;
            } finally {
                copyWanted.compareAndSet(copy, null);
            }
        } else {
            built = offThread(number, Step.LOAD, locator,
                    () -> b.load(number, checked, fileHashes, mustStay, slots, earlier));
            phase(number, "loaded", (System.nanoTime() - t2) / 1e6, null);
        }

        Generation g = built.generation();
        lastBuilt = g;
        Map<String, String> before = lastFingerprints;
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : g.fingerprints().entrySet()) {
            String old = before.get(e.getKey());
            if (old == null) {
                added.add(e.getKey());
            } else if (!old.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        List<String> removed = new ArrayList<>(new TreeSet<>(before.keySet()));
        removed.removeAll(g.fingerprints().keySet());
        lastFingerprints = g.fingerprints();
        for (String w : built.warnings()) {
            events.emit(Event.of("warning", tick.getAsLong()).with("generation", number).with("message", w));
        }
        lastBuiltFiles = files;
        builtFrom.accept(files);
        return new ReadyGeneration(g, added, removed, changed, sinceNanos);
    }

    /**
     * Runs the shadow copy {@code copyOf} on a sample of the live world; a fault rejects it (reason
     * shadow). Then warms the
     * JIT on the live generation's new instances, on another copy of the same sample.
     */
    private void shadow(int number, Generation copyOf, GenerationBuilder.Built live,
            CompletableFuture<WorldState> wanted, ScriptLocator locator) throws Rejection {
        long t0 = System.nanoTime();
        WorldState copy = awaitWorldCopy(wanted);
        if (copy == null) {
            events.emit(Event.of("warning", tick.getAsLong()).with("generation", number).with("message",
                    "no shadow run: the game thread did not hand over a copy of the world in time"));
            return;
        }
        WorldState warmUpCopy = copy.copy();
        int ticks = settings.safety().shadowTicks();
        ShadowRun.Fault fault = offThread(number, Step.SHADOW, locator, () -> ShadowRun.run(copyOf.table(), copy, ticks));
        if (fault != null) {
            phase(number, "shadow", (System.nanoTime() - t0) / 1e6, null);
            ScriptFault f = fault.fault();
            throw new Rejection("shadow", Diagnostic.at(f.where(), f.behaviour() + " faulted in the shadow run after "
                    + fault.ticks() + " ticks: " + f.describe()));
        }
        long t1 = System.nanoTime();
        offThread(number, Step.WARM_UP, locator, () -> {
            WarmUp.run(live.generation().table(), live.instantiated(), warmUpCopy, ticks);
            return null;
        });
        long t2 = System.nanoTime();
        events.emit(phaseEvent(number, "shadow", (t2 - t0) / 1e6).with("warmUpMs", ms(t2 - t1)));
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
            shadowLineage = null;
            ScriptLine frame = ErrorText.scriptLine(stuck.stack(), locator);
            String where = frame == null ? "" : " at " + frame;
            String thread = stuck.threadName().equals(stuck.workerName()) ? stuck.workerName()
                    : stuck.threadName() + " (" + stuck.workerName() + ")";
            events.emit(Event.of("warning", tick.getAsLong()).with("generation", number)
                    .with("thread", stuck.workerName())
                    .with("message", "thread " + thread + " is stuck in script code" + where + " ("
                            + step.stuck + ScriptWorker.DEADLINE_MILLIS + " ms); it is left behind, and reloads go on "
                            + "on a fresh thread"));
            throw new Rejection(step.reason, Diagnostic.at(frame, step.stuck + ScriptWorker.DEADLINE_MILLIS
                    + " ms" + (frame == null ? "" : "; it was still running" + where)));
        }
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1000.0) / 1000.0;
    }

    private void phase(int number, String phase, double ms, String trigger) {
        Event e = phaseEvent(number, phase, ms);
        if (trigger != null) {
            e.with("trigger", trigger);
        }
        events.emit(e);
    }

    private Event phaseEvent(int number, String phase, double ms) {
        return Event.of("reload", tick.getAsLong()).with("phase", phase).with("generation", number)
                .with("ms", Math.round(ms * 1000) / 1000.0);
    }

    private void reject(int number, String reason, List<Diagnostic> diagnostics) {
        List<Object> list = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            list.add(d.toMap());
        }
        events.emit(Event.of("rejected", tick.getAsLong()).with("generation", number).with("reason", reason)
                .with("diagnostics", list));
    }

    @Override
    public void close() {
        watcher.close();
        if (javac != null) {
            javac.close(); // first, so that a compile in progress ends now rather than at its deadline
        }
        lock.lock();
        try {
            closed = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        // A reload thread waiting for script code stops waiting; a stuck script thread stays behind.
        scripts.close();
        if (worker != null) {
            try {
                worker.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
