package dev.pitstop.reload;

import dev.pitstop.compile.ScriptCompiler;
import dev.pitstop.events.EventSink;
import dev.pitstop.loop.Clock;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The reload pipeline: watcher → read → compile → verify → load → shadow run → warm-up → quiet and
 * unchanged on disk → hand-off. A build starts at the first file event, speculatively; it goes
 * live only once the folder has been quiet for {@code --quiet-ms} and the files still hold what
 * it was built from, and is otherwise redone from the newer content. Everything but {@link
 * #betweenTicks} runs on the one reload thread (or, for generation 1, on the caller's), except
 * script code: static initializers, constructors, the shadow run and the warm-up run on a {@link
 * ScriptWorker} under its deadline, so a script that never returns costs one abandoned thread and
 * a rejection, and the next save is built as usual. The game thread takes a ready generation
 * through a single atomic reference and installs it between two ticks; it never waits for any of
 * this. Attempts are numbered from 1 and never reuse a number. The parts: {@link ReloadTrigger}
 * (when to build, when a build may go live), {@link ReloadPipeline} (one build),
 * {@link ReloadEvents} (what it says), {@link WorldLink} (what crosses to and from the game thread).
 *
 * <p>Thread use: {@link #buildFirst}, {@link #wakeWith} and {@link #start} on the main thread
 * before the loop; {@link #requestReload} and {@link #publishWorld} from any thread; {@link
 * #betweenTicks} on the game thread; the watcher's threads only call {@link #filesChanged}.
 */
public final class ReloadCoordinator implements ReloadSeam<ReadyGeneration, WorldState>, AutoCloseable {

    private final ReloadSettings settings;
    private final ReloadEvents events;
    private final ScriptFolder folder;
    private final CompilerProcess javac;
    private final IncrementalCompiler compiler;
    private final GenerationBuilder builder;
    private final ScriptWorker scripts = new ScriptWorker("pitstop-scripts");
    private final WorldLink world = new WorldLink();
    private final ReloadTrigger trigger;
    private final ReloadPipeline pipeline;
    private final AtomicReference<ReadyGeneration> ready = new AtomicReference<>();
    private ChangeWatcher watcher = ChangeWatcher.OFF;
    private Thread worker;
    private volatile long tick;
    /** One-file compiles through the compile process after the path warm-up, results thrown away. */
    private static final int COMPILE_WARM_UPS = 6;

    /** {@code startTick}: the world's tick until the loop reports one ({@link #betweenTicks}). */
    public ReloadCoordinator(ReloadSettings settings, EventSink events, long startTick) {
        this.settings = settings;
        this.tick = startTick;
        this.events = new ReloadEvents(events, this::tick);
        this.folder = new ScriptFolder(settings.folder(), settings.kind());
        this.builder = new GenerationBuilder(settings.safety());
        this.javac = settings.kind() == ScriptFolder.Kind.SOURCES
                ? CompilerProcess.start(ScriptCompiler.scriptClassPath(), List.of(), settings.compileDaemons()) : null;
        this.compiler = javac == null ? null : new IncrementalCompiler(javac);
        this.trigger = new ReloadTrigger(Clock.system(), settings.reloadEveryMillis());
        this.pipeline = new ReloadPipeline(settings, folder, compiler, builder, scripts, this.events, world);
    }

    public ReloadSettings settings() {
        return settings;
    }

    /**
     * How scripts are compiled, for the start event: {@code off} (a compile server of the
     * engine's own), the compile daemon {@code started} or {@code reused}, or why it is not used;
     * null for class files. Any thread.
     */
    public String compileDaemon() {
        return javac == null ? null : javac.daemonStatus();
    }

    /**
     * Builds generation 1 on the calling thread, before the game starts.
     *
     * @param slots the world's slot table (empty unless restoring)
     * @throws ScriptLoadException when the scripts do not compile or do not fit
     */
    public Generation buildFirst(SlotTable slots) throws ScriptLoadException {
        world.slots(slots);
        SourceSet files = folder.read();
        try {
            return pipeline.attempt(files, System.nanoTime(), "start", false).generation();
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
        trigger.fileChanged();
    }

    /** Build now, even if no file changed (stdin {@code reload}, F5). Any thread. */
    public void requestReload() {
        trigger.request("manual", true);
    }

    /**
     * Build now, without waiting for the watcher's quiet period, if the files changed since the
     * last attempt: a write made in one step (a tune's) needs no quiet period, and if the watcher
     * got there first nothing is built twice. {@code trigger} names it in the {@code reload}
     * events. Any thread.
     */
    public void requestBuild(String trigger) {
        this.trigger.request(trigger, false);
    }

    /**
     * {@code listener} is told the files of every generation that passes its checks, before it is
     * handed to the game thread (on the reload thread): a generation records only their hashes.
     * It is told the last one built so far at once, on the calling thread.
     */
    public void onBuilt(java.util.function.Consumer<SourceSet> listener) {
        pipeline.onBuilt(listener);
    }

    /** The game thread tells what the world now uses, for checks of the next attempt. */
    public void publishWorld(SlotTable slots, Set<String> live) {
        world.publish(slots, live);
    }

    @Override
    public void wakeWith(Runnable wake) {
        world.onWake(wake);
    }

    /**
     * Between two ticks: if a shadow run is waiting for a copy of the world, hands it a sample of
     * {@code world} ({@link WorldLink#SHADOW_SAMPLE_ENTITIES} entities); returns a generation
     * ready to install, or null. Game thread.
     */
    @Override
    public ReadyGeneration betweenTicks(long tick, WorldState world) {
        this.tick = tick;
        this.world.serve(world);
        return ready.get() == null ? null : ready.getAndSet(null);
    }

    /** The last tick the loop reported (the start tick before it runs). Any thread. */
    public long tick() {
        return tick;
    }

    /**
     * The live version was let go for holding on to memory: the next attempt makes fresh instances
     * of every behaviour instead of keeping unchanged ones, so nothing of the released version's
     * classes comes back. Any thread.
     */
    public void forgetReuse() {
        pipeline.forgetReuse();
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
     * as fast as the later ones ({@link PathWarmUp}); null if it did not run.
     */
    private PathWarmUp.Result warmPath() {
        if (compiler == null || compiler.lastResult() == null || "0".equals(System.getenv("PITSTOP_WARM_PATH"))) {
            return null; // PITSTOP_WARM_PATH=0: without it, to measure what it costs and brings
        }
        PathWarmUp.Result r = PathWarmUp.run(builder, compiler.lastResult(), compiler.lastSources(), world::slots,
                scripts, world::copyNow, settings.safety().shadowTicks(), trigger::waiting);
        if (r.stuckThread() != null) {
            events.stuck(0, r.stuckThread(), "thread " + r.stuckThread() + " is stuck in script code (the warm-up of "
                    + "the reload path did not finish within " + ScriptWorker.DEADLINE_MILLIS + " ms); it is left "
                    + "behind, and reloads go on on a fresh thread");
        }
        pipeline.adoptLineage(r.lineage(), compiler.lastSources());
        return r;
    }

    /** The warm-ups after the start, told in a {@code warmed} event once all of them are over. */
    private void warmUps() {
        warmUp();
        PathWarmUp.Result warmed = warmPath();
        try {
            if (warmed != null) {
                // This JVM's side of a compile (the request, the answer) is warmed by a few real
                // ones, after the compile process has had the path warm-up's time to warm itself.
                compiler.warmUp(COMPILE_WARM_UPS, trigger::waiting);
            }
            // Read once more, seconds after generation 1's read: the files settled since are taken
            // from this read at the first save, which then reads only the file saved.
            folder.read();
        } finally {
            if (warmed != null) {
                events.warmed(warmed);
            }
        }
    }

    private void run() {
        try {
            warmUps();
        } catch (RuntimeException | LinkageError e) {
            // A warm-up that fails costs nothing but speed.
        }
        trigger.startTimer(); // --reload-every counts from now, not from before the warm-ups
        while (true) {
            try {
                ReloadTrigger.Build next = trigger.await();
                if (next == null) {
                    return;
                }
                if (!build(next)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | LinkageError e) {
                events.held().release();
                events.error("reload failed: " + e);
            }
        }
    }

    /**
     * One build for {@code next}: a speculative one (a file event) holds its events back until the
     * folder is quiet and the files still hold what it read, and is otherwise forgotten and redone.
     * Returns false once closed. Reload thread.
     */
    private boolean build(ReloadTrigger.Build next) throws InterruptedException {
        boolean speculative = next.speculative();
        long changesAtRead = trigger.changes();
        SourceSet files = folder.read();
        // A file read empty is most likely a save caught between its truncation and its write: its
        // next event comes before a build of nothing, and the file is read again, until it is read
        // with content or no event came for the quiet period (a file emptied on purpose). The event
        // that wakes it may be the truncation's own, its write still to come: so a loop.
        long quietNanos = TimeUnit.MILLISECONDS.toNanos(settings.quietMillis());
        while (speculative && pipeline.emptied(files)) {
            long seen = changesAtRead;
            trigger.awaitChangeOrQuiet(seen, quietNanos);
            changesAtRead = trigger.changes();
            files = folder.read();
            if (changesAtRead == seen) {
                break; // quiet (or closed)
            }
        }
        if (!next.force() && pipeline.alreadyTried(files)) {
            return true;
        }
        ReloadPipeline.Saved before = pipeline.save();
        ReadyGeneration built = null;
        Rejection rejected = null;
        if (speculative) {
            events.held().hold();
        }
        boolean superseded = false;
        try {
            built = pipeline.attempt(files, next.sinceNanos(), next.trigger(), true,
                    speculative ? new ChangedSince(files, changesAtRead) : NEVER_STALE);
        } catch (CancellationException stopping) {
            return false; // closed while script code ran: nothing more to build
        } catch (Rejection r) {
            rejected = r;
        } catch (ReloadPipeline.Superseded s) {
            superseded = true; // newer content came in the middle of the build: not built further
        } finally {
            if (speculative && (superseded || !stillOnDisk(files, changesAtRead))) {
                // Built from what the files held when the build started, which they no longer hold
                // (most often a save read between its truncation and its write): it never goes
                // live. Redone at once from the newer content, and forgotten, number and events,
                // as if the build had waited; the redo's detected event says how far it got.
                pipeline.abandoned(events.held().drop());
                pipeline.forget(before);
                trigger.rebuild(next.sinceNanos());
                built = null;
                rejected = null;
            } else {
                events.held().release();
            }
        }
        if (built != null) {
            ready.set(built);
            world.wakeGameThread();
        } else if (rejected != null) {
            if (!speculative && !folder.read().hash().equals(files.hash())) {
                // Read mid-save: the newer content is already on its way in; say so, build it.
                events.rejected(pipeline.lastNumber(), "superseded", List.of(new Diagnostic(null, 0, 0,
                        "the files changed while this version was built; building the newer one")));
                pipeline.tryAgain();
            } else {
                events.rejected(pipeline.lastNumber(), rejected.reason(), rejected.diagnostics());
            }
        }
        return true;
    }

    /** A build that is not speculative reads the folder once, and is never stale. */
    private static final BooleanSupplier NEVER_STALE = () -> false;

    /**
     * {@link #changedSince}, asked between a speculative build's steps. A class, not a lambda: a
     * lambda's call site links the first time it runs, milliseconds of the first save while the
     * JVM is young.
     */
    private final class ChangedSince implements BooleanSupplier {
        private final SourceSet built;
        private final long changesAtRead;

        ChangedSince(SourceSet built, long changesAtRead) {
            this.built = built;
            this.changesAtRead = changesAtRead;
        }

        @Override
        public boolean getAsBoolean() {
            return changedSince(built, changesAtRead);
        }
    }

    /**
     * Whether a file event came since the {@code changesAtRead}-th and the files no longer hold
     * what {@code built} was read from. Reload thread.
     */
    private boolean changedSince(SourceSet built, long changesAtRead) {
        return trigger.changes() != changesAtRead && !folder.read().hash().equals(built.hash());
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
            long seen = trigger.changes();
            if (seen != checked) {
                if (!folder.read().hash().equals(built.hash())) {
                    return false;
                }
                checked = seen;
            }
            if (trigger.closed() || trigger.quietLeftNanos(quietNanos) <= 0) {
                break;
            }
            trigger.awaitChangeOrQuiet(checked, quietNanos);
        }
        // Read once more even when no event came since the last look: an event may be on its way.
        return folder.read().hash().equals(built.hash());
    }

    @Override
    public void close() {
        watcher.close();
        if (javac != null) {
            javac.close(); // first, so that a compile in progress ends now rather than at its deadline
        }
        trigger.close();
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
