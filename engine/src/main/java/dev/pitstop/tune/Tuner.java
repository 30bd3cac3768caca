package dev.pitstop.tune;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.reload.Generation;
import dev.pitstop.reload.SourceSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
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
 * <p>Threads: the work (parsing, reading and writing files, events) runs on a thread of its own,
 * {@code pitstop-tune}, in the order asked. {@link #sourcesBuilt} is called on the reload thread,
 * {@link #wentLive} on the game thread, the commands and {@link #snapshot()} on any thread; none
 * of them waits for the work.
 */
public final class Tuner implements AutoCloseable {

    /** Scans kept by file and content hash: the live files and the versions written since. */
    private static final int KEPT_SCANS = 512;
    /** javac's parser recurses on nesting; a roomy stack lets absurd nesting parse before it gives up. */
    private static final long STACK_BYTES = 16L << 20;

    private final Path root;
    private final String noSources;
    private final EventSink events;
    private final LongSupplier tick;
    private final Runnable afterWrite;
    private final ExecutorService worker;
    private final SourceArchive archive = new SourceArchive();
    private volatile Snapshot snapshot;

    // Tune thread only.
    private TunableFinder finder;
    private final Map<String, ScannedFile> scans = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ScannedFile> eldest) {
            return size() > KEPT_SCANS;
        }
    };
    private Live live = Live.NONE;
    /** Per file, the tuner's last write that is not live yet. */
    private final Map<String, Pending> pending = new HashMap<>();
    private final UndoHistory history = new UndoHistory();
    private String message;
    private long version;
    private long done;
    private final java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();

    private Tuner(Path root, String noSources, EventSink events, LongSupplier tick, Runnable afterWrite) {
        this.root = root;
        this.noSources = noSources;
        this.events = Objects.requireNonNull(events);
        this.tick = Objects.requireNonNull(tick);
        this.afterWrite = Objects.requireNonNull(afterWrite);
        this.snapshot = new Snapshot(0, 0, root != null, noSources, List.of());
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
    Snapshot snapshot() {
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
                submit(() -> attemptStarted(generation));
            } else if (e.type().equals("rejected") && !"superseded".equals(e.get("reason"))) {
                String why = firstMessage(e.get("diagnostics"));
                submit(() -> rejected(generation, "generation " + generation + " was rejected (" + e.get("reason") + ")"
                        + (why == null ? "" : ": " + why)));
            }
        };
    }

    /** stdin {@code tunables}: a {@code tunables} event. Any thread. */
    public void list() {
        submit(this::emitList);
    }

    /**
     * stdin {@code tune NAME VALUE}. Any thread.
     *
     * @return its number: once {@link Snapshot#done()} reaches it, it is written or refused
     */
    public long tune(String name, String value) {
        return command(() -> write(name, value));
    }

    /** stdin {@code tune undo}, Ctrl+Z: puts back the value before the last tune. Any thread. */
    public long undo() {
        return command(() -> step(false));
    }

    /** {@code tune redo}, Ctrl+Y: writes again what the last undo took back. Any thread. */
    public long redo() {
        return command(() -> step(true));
    }

    /** How many commands were asked for so far (handled once {@link Snapshot#done()} reaches it). */
    long asked() {
        return asked.get();
    }

    private long command(Task task) {
        long number = asked.incrementAndGet();
        submit(() -> {
            try {
                task.run();
            } finally {
                done = number;
                publish();
            }
        });
        return number;
    }

    private void submit(Task task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | IOException e) {
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
        void run() throws IOException;
    }

    // ---- the tune thread from here on ----

    /** The live generation and its tunables. */
    private record Live(int generation, Map<String, String> hashes, Set<String> behaviours, List<Tunable> tunables,
            Map<String, String> untunable) {
        static final Live NONE = new Live(0, Map.of(), Set.of(), List.of(), Map.of());
    }

    /**
     * The tuner's newest write to one file while it is not live yet: {@code chain} holds the
     * content live when the first of these writes was made and every write since, so that an
     * older one going live keeps the newest building, while anyone else's going live ends it.
     *
     * @param attempt  the first build attempt started after the newest write, 0 until one starts
     * @param rejected why that attempt or a later one was rejected, or null
     */
    private record Pending(String hash, Set<String> chain, int attempt, String rejected) {

        Pending next(String newHash) {
            Set<String> all = new HashSet<>(chain);
            all.add(newHash);
            return new Pending(newHash, Set.copyOf(all), 0, null);
        }
    }

    private void live(int number, Map<String, String> hashes, Set<String> behaviours) throws IOException {
        List<Tunable> tunables = new ArrayList<>();
        Map<String, String> untunable = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(hashes).entrySet()) {
            if (!e.getKey().endsWith(".java")) {
                continue;
            }
            byte[] content = archive.get(e.getValue());
            if (content == null) {
                content = diskIfSame(e.getKey(), e.getValue());
            }
            if (content != null) {
                ScannedFile scanned = scan(e.getKey(), e.getValue(), content);
                tunables.addAll(scanned.tunables());
                untunable.putAll(scanned.untunable());
            }
        }
        live = new Live(number, hashes, behaviours, List.copyOf(tunables), untunable);
        // A write is settled once its content is live, or once someone else's content went live after it.
        pending.entrySet().removeIf(p -> {
            String now = hashes.get(p.getKey());
            return p.getValue().hash.equals(now) || !p.getValue().chain.contains(now);
        });
        Set<String> needed = new HashSet<>(hashes.values());
        pending.values().forEach(p -> needed.add(p.hash));
        archive.retain(needed);
        publish();
    }

    private void attemptStarted(int generation) {
        pending.replaceAll((file, p) -> p.attempt == 0 ? new Pending(p.hash, p.chain, generation, p.rejected) : p);
    }

    private void rejected(int generation, String why) {
        boolean any = false;
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (p.attempt != 0 && generation >= p.attempt) {
                e.setValue(new Pending(p.hash, p.chain, p.attempt, why));
                any = true;
            }
        }
        if (any) {
            publish();
        }
    }

    private void emitList() {
        List<Object> items = new ArrayList<>();
        for (Tunable t : live.tunables) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", listedName(t));
            item.put("type", t.type().javaName);
            item.put("value", t.text());
            item.put("file", t.file());
            item.put("line", t.line());
            items.add(item);
        }
        Event e = Event.of("tunables", tick.getAsLong()).with("items", items);
        if (root == null) {
            e.with("message", noSources);
        }
        events.emit(e);
    }

    private void write(String name, String input) throws IOException {
        if (root == null) {
            fail("tune: " + noSources);
            return;
        }
        Tunable t = resolve(name);
        if (t == null) {
            return;
        }
        ValueSyntax.Value value;
        try {
            value = ValueSyntax.parse(t.type(), listedName(t), input);
        } catch (ValueSyntax.BadValue e) {
            fail("tune: " + e.getMessage() + "; nothing written");
            return;
        }
        Path path = root.resolve(t.file());
        byte[] disk = read(path, t.file());
        if (disk == null) {
            return;
        }
        String diskHash = SourceSet.hashOf(disk);
        if (!writable(t.file(), diskHash)) {
            fail(archive.get(diskHash) != null && !live.hashes.isEmpty()
                    ? "tune " + listedName(t) + ": " + t.file() + " is newer than the live version (generation "
                            + live.generation + " is live again, after a rollback or an A/B switch); nothing written. "
                            + "Switch to the newest generation (F8) or save the file to build it."
                    : refusal("tune " + listedName(t), t.file()));
            return;
        }
        Tunable current = find(scan(t.file(), diskHash, disk), t.qualifiedName());
        if (current == null) {
            fail("tune: " + listedName(t) + " is no longer a tunable in " + t.file() + "; nothing written");
            return;
        }
        ValueSyntax.Replacement r = ValueSyntax.replacement(current, value);
        byte[] next = splice(disk, r.start(), r.end(), r.text().getBytes(StandardCharsets.US_ASCII));
        if (Arrays.equals(next, disk)) {
            message = null;
            events.emit(tuned(listedName(t), current.text(), current.text(), t.file(), current.line()).with("unchanged", true));
            publish();
            return;
        }
        String nextHash = SourceSet.hashOf(next);
        String before = new String(disk, r.start(), r.end() - r.start(), StandardCharsets.UTF_8);
        if (!put(path, t.file(), disk, diskHash, next, nextHash, "tune " + listedName(t))) {
            return;
        }
        events.emit(tuned(listedName(t), current.text(), r.valueText(), t.file(),
                lineAt(next, r.start() + r.text().length() - 1)));
        afterWrite.run(); // the build starts now; the rest is bookkeeping
        history.wrote(new Change(t.file(), t.qualifiedName(), r.start(), before, r.text(), diskHash, nextHash));
        publish();
    }

    /** Undo ({@code redo} false) or redo the newest change. */
    private void step(boolean redo) throws IOException {
        String what = redo ? "tune redo" : "tune undo";
        if (root == null) {
            fail(what + ": " + noSources);
            return;
        }
        Change c = redo ? history.nextRedo() : history.nextUndo();
        if (c == null) {
            fail(what + ": nothing to " + (redo ? "redo" : "undo"));
            return;
        }
        Change edit = redo ? c.reversed() : c; // from here: put edit.before back where edit.after is
        Path path = root.resolve(c.file());
        byte[] disk = read(path, c.file());
        if (disk == null) {
            return;
        }
        String diskHash = SourceSet.hashOf(disk);
        byte[] after = edit.after().getBytes(StandardCharsets.UTF_8);
        if (!diskHash.equals(edit.hashAfter()) || edit.start() + after.length > disk.length
                || !Arrays.equals(disk, edit.start(), edit.start() + after.length, after, 0, after.length)) {
            fail(what + ": " + c.file() + " changed since that tune (edited elsewhere); nothing written, "
                    + "the edit there wins");
            return;
        }
        byte[] next = splice(disk, edit.start(), edit.start() + after.length, edit.before().getBytes(StandardCharsets.UTF_8));
        String nextHash = SourceSet.hashOf(next);
        if (!nextHash.equals(edit.hashBefore())) {
            fail(what + ": cannot give " + c.file() + " back as it was; nothing written");
            return;
        }
        Tunable was = find(scan(c.file(), diskHash, disk), c.qualifiedName());
        if (!put(path, c.file(), disk, diskHash, next, nextHash, what)) {
            return;
        }
        if (redo) {
            history.redone();
        } else {
            history.undone();
        }
        Tunable now = find(scan(c.file(), nextHash, next), c.qualifiedName());
        String name = now != null ? listedName(now) : c.qualifiedName();
        events.emit(tuned(name, was == null ? edit.after() : was.text(), now == null ? edit.before() : now.text(),
                c.file(), now == null ? 0 : now.line()).with(redo ? "redo" : "undo", true));
        afterWrite.run();
        publish();
    }

    /**
     * Writes {@code next} over {@code disk} (hash {@code diskHash}), unless the file changed in
     * between; on success it is this tuner's pending write for {@code file}.
     */
    private boolean put(Path path, String file, byte[] disk, String diskHash, byte[] next, String nextHash, String what)
            throws IOException {
        String objection = EditorWrite.replace(path, next, () -> {
            byte[] again = Files.readAllBytes(path);
            return Arrays.equals(again, disk) ? null : refusal(what, file);
        });
        if (objection != null) {
            fail(objection);
            return false;
        }
        archive.put(nextHash, next);
        String liveHash = live.hashes.get(file);
        Pending before = pending.get(file);
        if (nextHash.equals(liveHash)) {
            pending.remove(file);
        } else if (before != null && before.hash.equals(diskHash)) {
            pending.put(file, before.next(nextHash));
        } else {
            pending.put(file, new Pending(nextHash, liveHash == null ? Set.of(nextHash) : Set.of(liveHash, nextHash), 0, null));
        }
        message = null;
        return true;
    }

    /** Whether the tuner may write over a file that hashes to {@code diskHash}. */
    private boolean writable(String file, String diskHash) {
        Pending p = pending.get(file);
        return diskHash.equals(live.hashes.get(file)) || p != null && diskHash.equals(p.hash);
    }

    private static String refusal(String what, String file) {
        return what + ": " + file + " changed since the live version was built from it (edited elsewhere and not "
                + "built yet); nothing written, the edit there wins. Tune again once it is live.";
    }

    /** The live tunable {@code name} stands for, or null after an error event saying why there is none. */
    private Tunable resolve(String name) {
        List<Tunable> simple = new ArrayList<>();
        for (Tunable t : live.tunables) {
            if (t.qualifiedName().equals(name)) {
                return t;
            }
            if (t.name().equals(name)) {
                simple.add(t);
            }
        }
        if (simple.size() == 1) {
            return simple.get(0);
        }
        if (simple.size() > 1) {
            fail("tune: " + name + " is ambiguous (" + String.join(", ", simple.stream().map(Tunable::qualifiedName)
                    .toList()) + "); give the full name; nothing written");
            return null;
        }
        for (Map.Entry<String, String> e : live.untunable.entrySet()) {
            if (e.getKey().equals(name) || e.getKey().endsWith("." + name)) {
                fail("tune: " + name + " cannot be tuned: " + e.getValue() + "; nothing written");
                return null;
            }
        }
        fail("tune: no tunable named " + name + " in the live scripts ('tunables' lists them); nothing written");
        return null;
    }

    /** {@code t}'s name as listed: {@code Class.FIELD}, or the full name where that is ambiguous. */
    private String listedName(Tunable t) {
        for (Tunable other : live.tunables) {
            if (other != t && other.name().equals(t.name()) && !other.qualifiedName().equals(t.qualifiedName())) {
                return t.qualifiedName();
            }
        }
        return t.name();
    }

    private ScannedFile scan(String file, String hash, byte[] content) {
        String key = file + '\0' + hash;
        ScannedFile s = scans.get(key);
        if (s == null) {
            if (finder == null) {
                finder = new TunableFinder();
            }
            s = finder.scan(file, content);
            scans.put(key, s);
        }
        return s;
    }

    private static Tunable find(ScannedFile scanned, String qualifiedName) {
        for (Tunable t : scanned.tunables()) {
            if (t.qualifiedName().equals(qualifiedName)) {
                return t;
            }
        }
        return null;
    }

    /** The line (from 1) of byte {@code offset}, counting line ends as javac does (\n, \r\n, \r). */
    static long lineAt(byte[] content, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < content.length; i++) {
            if (content[i] == '\n' || content[i] == '\r' && (i + 1 >= content.length || content[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }

    /** The file's content if it still hashes to {@code hash}, else null. */
    private byte[] diskIfSame(String file, String hash) throws IOException {
        try {
            byte[] content = Files.readAllBytes(root.resolve(file));
            return SourceSet.hashOf(content).equals(hash) ? content : null;
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    private byte[] read(Path path, String file) throws IOException {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException gone) {
            fail("tune: " + file + " is gone; nothing written");
            return null;
        }
    }

    private static byte[] splice(byte[] content, int start, int end, byte[] middle) {
        byte[] out = new byte[content.length - (end - start) + middle.length];
        System.arraycopy(content, 0, out, 0, start);
        System.arraycopy(middle, 0, out, start, middle.length);
        System.arraycopy(content, end, out, start + middle.length, content.length - end);
        return out;
    }

    private Event tuned(String name, String from, String to, String file, long line) {
        return Event.of("tuned", tick.getAsLong()).with("name", name).with("from", from).with("to", to)
                .with("file", file).with("line", line);
    }

    private void fail(String why) {
        message = why;
        events.emit(Event.of("error", tick.getAsLong()).with("message", why));
        publish();
    }

    private static String firstMessage(Object diagnostics) {
        if (diagnostics instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> d) {
            Object file = d.get("file");
            Object line = d.get("line");
            String where = file == null ? "" : file + (line instanceof Number n && n.longValue() > 0 ? ":" + n : "") + " ";
            return where + d.get("message");
        }
        return null;
    }

    /** Publishes what the panel shows. */
    private void publish() {
        List<Item> items = new ArrayList<>();
        for (Tunable t : live.tunables) {
            Pending p = pending.get(t.file());
            String building = null;
            String rejected = null;
            if (p != null) {
                byte[] content = archive.get(p.hash);
                Tunable next = content == null ? null : find(scan(t.file(), p.hash, content), t.qualifiedName());
                if (next != null && !next.text().equals(t.text())) {
                    building = next.text();
                    rejected = p.rejected;
                }
            }
            String declaring = t.owner().substring(t.owner().lastIndexOf('.') + 1);
            items.add(new Item(t, listedName(t), live.behaviours.contains(declaring), building, rejected));
        }
        snapshot = new Snapshot(++version, done, root != null, message != null ? message : noSources,
                List.copyOf(items));
    }

    /**
     * What the panel shows: every live tunable, in file order, with the value written but not live
     * yet and whether its build was rejected; and the last error, if any. Immutable.
     *
     * @param done the number of the last command handled (see {@link #tune})
     */
    record Snapshot(long version, long done, boolean sources, String message, List<Item> items) { }

    /**
     * One live tunable for the panel.
     *
     * @param name      as {@code tune} takes it
     * @param behaviour whether its class is a behaviour (else a helper)
     * @param building  the value written and still building, or null when what is written is live
     * @param rejected  why the build of {@code building} was rejected, or null
     */
    record Item(Tunable tunable, String name, boolean behaviour, String building, String rejected) { }

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
