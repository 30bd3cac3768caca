package dev.pitstop.tune;

import dev.pitstop.events.EventSink;
import dev.pitstop.reload.Generation;
import dev.pitstop.reload.SourceSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tweaks without typing: lists the tunables of the live scripts ({@code tunables}) and changes one
 * by rewriting its literal in the source file ({@code tune NAME VALUE}, {@code tune undo}, and
 * redo for the panel), so that a tweak is an edit like any other: it shows in {@code git diff},
 * and the usual compile, checks, shadow run and swap bring it in.
 *
 * <p>The tunables always come from the exact sources the live generation was built from (kept by
 * hash as each generation is built), never from what the disk says by now. A write changes only
 * the literal's bytes, and only if the file still holds what the live generation was built from
 * or what this tuner last wrote to it: anyone else's save, built or not, always wins, and the
 * tune is an {@code error} naming the file.
 *
 * <p>This class is the tuner's thread and its state: it queues the commands and what the engine
 * tells it, keeps the live tunables ({@link LiveTunables}) and the writes still building
 * ({@link PendingWrites}), and publishes what the panel shows ({@link TunerSnapshot}). The writes
 * themselves are {@link TuneWrites}'; the events, {@link TuneEvents}'.
 *
 * <p>Threads: the work (parsing, reading and writing files, events) runs on a thread of its own,
 * {@code pitstop-tune}, in the order asked. {@link #sourcesBuilt} is called on the reload thread,
 * {@link #wentLive} on the game thread, the commands and {@link #snapshot()} on any thread; none
 * of them waits for the work.
 */
public final class Tuner implements AutoCloseable {

    /** javac's parser recurses on nesting; a roomy stack lets absurd nesting parse before it gives up. */
    private static final long STACK_BYTES = 16L << 20;

    private final Path root;
    private final String noSources;
    private final TuneEvents events;
    private final ExecutorService worker;
    private final SourceArchive archive = new SourceArchive();
    private final AtomicLong asked = new AtomicLong();
    private volatile TunerSnapshot snapshot;

    // Tune thread only.
    private final ScanCache scans = new ScanCache();
    private final PendingWrites pending = new PendingWrites();
    /** Null without sources. */
    private final TuneWrites writes;
    private LiveTunables live = LiveTunables.NONE;
    private String message;
    private long version;
    private long done;

    private Tuner(Path root, String noSources, EventSink events, LongSupplier tick, Runnable afterWrite) {
        this.root = root;
        this.noSources = noSources;
        this.events = new TuneEvents(events, tick);
        this.writes = root == null ? null : new TuneWrites(root, archive, scans, pending, this.events, afterWrite);
        this.snapshot = new TunerSnapshot(0, 0, root != null, noSources, List.of());
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "pitstop-tune", STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A tuner for the script sources under {@code root}.
     *
     * @param afterWrite run after each write, on the tune thread (the engine asks for a build at
     *                   once there, rather than after the watcher's quiet period, or at all with
     *                   {@code --watch off})
     */
    public static Tuner forSources(Path root, EventSink events, LongSupplier tick, Runnable afterWrite) {
        return new Tuner(root.toAbsolutePath().normalize(), null, events, tick, afterWrite);
    }

    /** A tuner with nothing to rewrite ({@code --script-classes}): it lists none and says {@code why} to {@code tune}. */
    public static Tuner withoutSources(String why, EventSink events, LongSupplier tick) {
        return new Tuner(null, Objects.requireNonNull(why), events, tick, () -> { });
    }

    /** What the panel shows. Any thread; published after every change, never locked. */
    TunerSnapshot snapshot() {
        return snapshot;
    }

    /** A generation passed its checks, built from {@code files}. Reload thread (main, for generation 1). */
    public void sourcesBuilt(SourceSet files) {
        if (root != null) {
            archive.built(files);
        }
    }

    /** {@code g} is live now (null: no scripts run). Game thread; keeps nothing of {@code g} but names and hashes. */
    public void wentLive(Generation g) {
        if (root == null) {
            return;
        }
        int number = g == null ? 0 : g.number();
        Map<String, String> hashes = g == null ? Map.of() : Map.copyOf(g.fileHashes());
        Set<String> behaviours = g == null ? Set.of() : Set.copyOf(g.table().names());
        submit(() -> live(number, hashes, behaviours));
    }

    /**
     * Listens to the event log for builds: one that starts after a write carries it, and if it is
     * rejected, so is the write (the panel says so). Called on the emitting thread; it only queues.
     */
    public EventSink buildListener() {
        return e -> {
            if (root == null || !(e.get("generation") instanceof Integer generation)) {
                return;
            }
            if (e.type().equals("reload") && "detected".equals(e.get("phase"))) {
                submit(new AttemptStarted(generation));
            } else if (e.type().equals("rejected") && !"superseded".equals(e.get("reason"))) {
                String why = TuneEvents.firstMessage(e.get("diagnostics"));
                String text = "generation " + generation + " was rejected (" + e.get("reason") + ")"
                        + (why == null ? "" : ": " + why);
                submit(() -> {
                    if (pending.rejected(generation, text)) {
                        publish();
                    }
                });
            }
        };
    }

    /** stdin {@code tunables}: a {@code tunables} event. Any thread. */
    public void list() {
        submit(() -> events.list(live, noSources));
    }

    /**
     * stdin {@code tune NAME VALUE}. Any thread.
     *
     * @return its number: once {@link TunerSnapshot#done()} reaches it, it is written or refused
     */
    public long tune(String name, String value) {
        return command("tune", () -> writes.tune(live, name, value));
    }

    /** stdin {@code tune undo}, Ctrl+Z: puts back the value before the last tune. Any thread. */
    public long undo() {
        return command("tune undo", () -> writes.step(live, false));
    }

    /** {@code tune redo}, Ctrl+Y: writes again what the last undo took back. Any thread. */
    public long redo() {
        return command("tune redo", () -> writes.step(live, true));
    }

    /** How many commands were asked for so far (handled once {@link TunerSnapshot#done()} reaches it). */
    long asked() {
        return asked.get();
    }

    /**
     * Queues a command; its number is {@link TunerSnapshot#done()} once it is handled. One that
     * goes through clears the last error, one refused becomes it.
     *
     * @param what how its refusals begin when there are no sources to rewrite
     */
    private long command(String what, Task task) {
        long number = asked.incrementAndGet();
        submit(() -> {
            try {
                if (writes == null) {
                    throw new Refused(what + ": " + noSources);
                }
                task.run();
                message = null;
            } catch (Refused r) {
                fail(r.getMessage());
            } finally {
                done = number;
                publish();
            }
        });
        return number;
    }

    /**
     * A build of {@code generation} started. A class, not a lambda: its first one comes at the first
     * save, on the reload thread before the build goes live, where linking a lambda costs
     * milliseconds while the JVM is young.
     */
    private final class AttemptStarted implements Task {
        private final int generation;

        AttemptStarted(int generation) {
            this.generation = generation;
        }

        @Override
        public void run() {
            pending.attemptStarted(generation);
        }
    }

    private void submit(Task task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | IOException | Refused e) {
                    fail("tune failed: " + e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // the game is stopping: nothing more is tuned
        }
    }

    /** Work for the tune thread. */
    @FunctionalInterface
    private interface Task {
        void run() throws IOException, Refused;
    }

    // ---- the tune thread from here on ----

    private void live(int number, Map<String, String> hashes, Set<String> behaviours) throws IOException {
        live = LiveTunables.scan(number, hashes, behaviours, archive, root, scans);
        pending.settle(hashes);
        Set<String> needed = new HashSet<>(hashes.values());
        needed.addAll(pending.hashes());
        archive.retain(needed);
        publish();
    }

    private void fail(String why) {
        message = why;
        events.error(why);
        publish();
    }

    /** Publishes what the panel shows. */
    private void publish() {
        List<TunerSnapshot.Item> items = new ArrayList<>();
        for (Tunable t : live.tunables()) {
            PendingWrites.Pending p = pending.get(t.file());
            String building = null;
            String rejected = null;
            if (p != null) {
                byte[] content = archive.get(p.hash());
                Tunable next = content == null ? null : scans.tunable(t.file(), p.hash(), content, t.qualifiedName());
                if (next != null && !next.text().equals(t.text())) {
                    building = next.text();
                    rejected = p.rejected();
                }
            }
            items.add(new TunerSnapshot.Item(t, live.listedName(t), live.inBehaviour(t), building, rejected));
        }
        snapshot = new TunerSnapshot(++version, done, root != null, message != null ? message : noSources,
                List.copyOf(items));
    }

    /** Lets the work in hand finish (a write is never cut in half), then stops the tune thread. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
