package dev.pitstop.reload;

import dev.pitstop.api.Behaviour;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.world.SlotTable;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The reload pipeline: watcher → debounce → read → compile → verify → load → hand-off. Everything
 * but {@link #takeReady()} runs on the one reload thread (or, for generation 1, on the caller's);
 * the game thread takes a ready generation through a single atomic reference and installs it
 * between two ticks. Attempts are numbered from 1 and never reuse a number.
 *
 * <p>Thread use: {@link #buildFirst} and {@link #start} on the main thread before the loop;
 * {@link #requestReload} and {@link #publishWorld} from any thread; {@link #takeReady} on the game
 * thread; the watcher's threads only call {@link #filesChanged}.
 */
public final class ReloadCoordinator implements AutoCloseable {

    private static final int WARM_UP_COMPILES = 3;

    private final ReloadSettings settings;
    private final EventSink events;
    private final LongSupplier tick;
    private final ScriptFolder folder;
    private final ScriptCompiler compiler;
    private final GenerationBuilder builder;
    private final AtomicInteger nextNumber = new AtomicInteger(1);
    private final AtomicReference<ReadyGeneration> ready = new AtomicReference<>();
    private final AtomicLong changeCount = new AtomicLong();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private long firstChangeNanos = -1;
    private long lastChangeNanos;
    private boolean manualRequested;
    private long manualRequestNanos;
    private boolean closed;

    private volatile SlotTable worldSlots = SlotTable.EMPTY;
    private volatile Runnable onReady = () -> { };
    private volatile Set<String> liveNames = Set.of();

    // Reload thread state.
    private String lastAttemptHash;
    private Map<String, String> lastFingerprints = Map.of();
    private ChangeWatcher watcher = ChangeWatcher.OFF;
    private Thread worker;

    public ReloadCoordinator(ReloadSettings settings, EventSink events, LongSupplier tick) {
        this.settings = settings;
        this.events = events;
        this.tick = tick;
        this.folder = new ScriptFolder(settings.folder(), settings.kind());
        this.builder = new GenerationBuilder(settings.safety());
        this.compiler = settings.kind() == ScriptFolder.Kind.SOURCES ? new ScriptCompiler(scriptClassPath()) : null;
    }

    /** Where the API and JOML live, for javac. */
    static List<Path> scriptClassPath() {
        List<Path> paths = new ArrayList<>();
        for (Class<?> c : List.of(Behaviour.class, org.joml.Vector2f.class)) {
            try {
                paths.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot find where " + c.getName() + " is loaded from", e);
            }
        }
        return paths;
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
        lock.lock();
        try {
            if (!manualRequested) {
                manualRequestNanos = System.nanoTime();
            }
            manualRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The game thread tells what the world now uses, for checks of the next attempt. */
    public void publishWorld(SlotTable slots, Set<String> live) {
        worldSlots = slots;
        liveNames = Set.copyOf(live);
    }

    /**
     * Called on the reload thread each time a generation becomes ready, so that a game thread
     * waiting for its next tick can install it at once instead of a tick later.
     */
    public void setOnReady(Runnable callback) {
        onReady = callback;
    }

    /** A generation ready to install, or null. Game thread. */
    public ReadyGeneration takeReady() {
        return ready.getAndSet(null);
    }

    /** The number the next attempt will take. */
    public int peekNextNumber() {
        return nextNumber.get();
    }

    /**
     * javac's first compiles are ten times slower than later ones (class loading, JIT). Compiling
     * the current sources a few times while nobody waits makes the user's first edit as fast as
     * the rest. The results are thrown away.
     */
    private void warmUp() {
        if (compiler == null) {
            return;
        }
        Map<String, byte[]> sources = folder.read().files();
        for (int i = 0; i < WARM_UP_COMPILES; i++) {
            lock.lock();
            try {
                if (closed || manualRequested || firstChangeNanos >= 0) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            compiler.compile(sources);
        }
    }

    private void run() {
        try {
            warmUp();
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
                        trigger = "manual";
                        force = true;
                        manualRequested = false;
                        break;
                    }
                    if (firstChangeNanos >= 0) {
                        long quietUntil = lastChangeNanos + TimeUnit.MILLISECONDS.toNanos(settings.quietMillis());
                        if (now >= quietUntil) {
                            since = firstChangeNanos;
                            trigger = "file";
                            force = false;
                            firstChangeNanos = -1;
                            break;
                        }
                        wake.awaitNanos(quietUntil - now);
                        continue;
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
                long changesBefore = changeCount.get();
                SourceSet files = folder.read();
                if (!force && files.hash().equals(lastAttemptHash)) {
                    continue;
                }
                try {
                    attempt(files, since, trigger, true);
                } catch (Rejection r) {
                    if (changeCount.get() != changesBefore && "compile".equals(r.reason())) {
                        // Read mid-save: the newer content is already on its way in; say so, build it.
                        reject(lastNumber(), "superseded", List.of(new Diagnostic(null, 0, 0,
                                "the files changed while this version was built; building the newer one")));
                    } else {
                        reject(lastNumber(), r.reason(), r.diagnostics());
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                events.emit(Event.of("error", tick.getAsLong()).with("message", "reload failed: " + e));
            }
        }
    }

    private int lastNumber() {
        return nextNumber.get() - 1;
    }

    /** One attempt, numbered; publishes a ready generation or throws why not. */
    private ReadyGeneration attempt(SourceSet files, long sinceNanos, String trigger, boolean announce)
            throws Rejection {
        lastAttemptHash = files.hash();
        int number = nextNumber.getAndIncrement();
        long t0 = System.nanoTime();
        phase(number, "detected", (t0 - sinceNanos) / 1e6, trigger);

        Map<String, byte[]> classes;
        Map<String, String> sourceOf;
        if (compiler != null) {
            CompileResult compiled = compiler.compile(files.files());
            long t1 = System.nanoTime();
            phase(number, "compiled", (t1 - t0) / 1e6, null);
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
        GenerationBuilder.Built built = builder.load(number, checked, files.hash(), mustStay, worldSlots);
        long t3 = System.nanoTime();
        phase(number, "loaded", (t3 - t2) / 1e6, null);

        Generation g = built.generation();
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
        ReadyGeneration r = new ReadyGeneration(g, added, removed, changed, sinceNanos);
        if (announce) {
            ready.set(r);
            onReady.run();
        }
        return r;
    }

    private void phase(int number, String phase, double ms, String trigger) {
        Event e = Event.of("reload", tick.getAsLong()).with("phase", phase).with("generation", number)
                .with("ms", Math.round(ms * 1000) / 1000.0);
        if (trigger != null) {
            e.with("trigger", trigger);
        }
        events.emit(e);
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
        lock.lock();
        try {
            closed = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (worker != null) {
            try {
                worker.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
