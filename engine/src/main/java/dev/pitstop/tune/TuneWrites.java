package dev.pitstop.tune;

import dev.pitstop.reload.SourceSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The commands that rewrite a literal in a script source: {@code tune NAME VALUE}, undo and redo.
 * Each reads the file, checks that it holds what the live generation was built from or what the
 * tuner itself wrote since (anyone else's save wins), replaces exactly the literal's bytes (or
 * puts the old ones back), writes the file as editors save, checking once more just before the
 * move, and records the write: for undo, and as pending until a generation carrying it goes live.
 * A command that writes nothing throws {@link Refused} saying why. Tune thread only.
 */
final class TuneWrites {

    private final Path root;
    private final SourceArchive archive;
    private final ScanCache scans;
    private final PendingWrites pending;
    private final TuneEvents events;
    private final Runnable afterWrite;
    private final UndoHistory history = new UndoHistory();

    /** @param afterWrite run after each write (the engine asks for a build at once there) */
    TuneWrites(Path root, SourceArchive archive, ScanCache scans, PendingWrites pending, TuneEvents events,
            Runnable afterWrite) {
        this.root = Objects.requireNonNull(root);
        this.archive = archive;
        this.scans = scans;
        this.pending = pending;
        this.events = events;
        this.afterWrite = Objects.requireNonNull(afterWrite);
    }

    /** {@code tune NAME VALUE}: writes {@code input} as the new value of the live tunable {@code name}. */
    void tune(LiveTunables live, String name, String input) throws IOException, Refused {
        Tunable t = live.resolve(name);
        String listed = live.listedName(t);
        ValueSyntax.Value value;
        try {
            value = ValueSyntax.parse(t.type(), listed, input);
        } catch (ValueSyntax.BadValue e) {
            throw new Refused("tune: " + e.getMessage() + "; nothing written");
        }
        Path path = root.resolve(t.file());
        byte[] disk = read(path, t.file());
        String diskHash = SourceSet.hashOf(disk);
        String liveHash = live.hashes().get(t.file());
        if (!pending.writable(t.file(), diskHash, liveHash)) {
            // Content a build kept that is not live: the live code is older than the file.
            throw new Refused(archive.get(diskHash) != null && !live.hashes().isEmpty()
                    ? "tune " + listed + ": " + t.file() + " is newer than the live version (generation "
                            + live.generation() + " is live again, after a rollback or an A/B switch); nothing written. "
                            + "Switch to the newest generation (F8) or save the file to build it."
                    : refusal("tune " + listed, t.file()));
        }
        // The file may be the tuner's own pending write: the literal's place is taken from what is on disk.
        Tunable current = scans.tunable(t.file(), diskHash, disk, t.qualifiedName());
        if (current == null) {
            throw new Refused("tune: " + listed + " is no longer a tunable in " + t.file() + "; nothing written");
        }
        ValueSyntax.Replacement r = ValueSyntax.replacement(current, value);
        byte[] next = SourceBytes.splice(disk, r.start(), r.end(), r.text().getBytes(StandardCharsets.US_ASCII));
        if (Arrays.equals(next, disk)) {
            events.tuned(listed, current.text(), current.text(), t.file(), current.line(), "unchanged");
            return;
        }
        String nextHash = SourceSet.hashOf(next);
        String before = new String(disk, r.start(), r.end() - r.start(), StandardCharsets.UTF_8);
        put(path, t.file(), disk, diskHash, next, nextHash, liveHash, "tune " + listed);
        events.tuned(listed, current.text(), r.valueText(), t.file(),
                SourceBytes.lineAt(next, r.start() + r.text().length() - 1), null);
        afterWrite.run(); // the build starts now; the rest is bookkeeping
        history.wrote(new Change(t.file(), t.qualifiedName(), r.start(), before, r.text(), diskHash, nextHash));
    }

    /** Undo ({@code redo} false) or redo the newest change. */
    void step(LiveTunables live, boolean redo) throws IOException, Refused {
        String what = redo ? "tune redo" : "tune undo";
        Change c = redo ? history.nextRedo() : history.nextUndo();
        if (c == null) {
            throw new Refused(what + ": nothing to " + (redo ? "redo" : "undo"));
        }
        Change edit = redo ? c.reversed() : c; // from here: put edit.before back where edit.after is
        Path path = root.resolve(c.file());
        byte[] disk = read(path, c.file());
        String diskHash = SourceSet.hashOf(disk);
        byte[] after = edit.after().getBytes(StandardCharsets.UTF_8);
        if (!diskHash.equals(edit.hashAfter()) || edit.start() + after.length > disk.length
                || !Arrays.equals(disk, edit.start(), edit.start() + after.length, after, 0, after.length)) {
            throw new Refused(what + ": " + c.file() + " changed since that tune (edited elsewhere); nothing written, "
                    + "the edit there wins");
        }
        byte[] next = SourceBytes.splice(disk, edit.start(), edit.start() + after.length,
                edit.before().getBytes(StandardCharsets.UTF_8));
        String nextHash = SourceSet.hashOf(next);
        if (!nextHash.equals(edit.hashBefore())) {
            throw new Refused(what + ": cannot give " + c.file() + " back as it was; nothing written");
        }
        Tunable was = scans.tunable(c.file(), diskHash, disk, c.qualifiedName());
        put(path, c.file(), disk, diskHash, next, nextHash, live.hashes().get(c.file()), what);
        if (redo) {
            history.redone();
        } else {
            history.undone();
        }
        Tunable now = scans.tunable(c.file(), nextHash, next, c.qualifiedName());
        String name = now != null ? live.listedName(now) : c.qualifiedName();
        events.tuned(name, was == null ? edit.after() : was.text(), now == null ? edit.before() : now.text(),
                c.file(), now == null ? 0 : now.line(), redo ? "redo" : "undo");
        afterWrite.run();
    }

    /**
     * Writes {@code next} over {@code disk} (hash {@code diskHash}), unless the file changed in
     * between; then it is the tuner's pending write for {@code file}.
     */
    private void put(Path path, String file, byte[] disk, String diskHash, byte[] next, String nextHash, String liveHash,
            String what) throws IOException, Refused {
        String objection = EditorWrite.replace(path, next, () -> {
            byte[] again = Files.readAllBytes(path);
            return Arrays.equals(again, disk) ? null : refusal(what, file);
        });
        if (objection != null) {
            throw new Refused(objection);
        }
        archive.put(nextHash, next);
        pending.wrote(file, diskHash, nextHash, liveHash);
    }

    private static String refusal(String what, String file) {
        return what + ": " + file + " changed since the live version was built from it (edited elsewhere and not "
                + "built yet); nothing written, the edit there wins. Tune again once it is live.";
    }

    private static byte[] read(Path path, String file) throws IOException, Refused {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException gone) {
            throw new Refused("tune: " + file + " is gone; nothing written");
        }
    }
}
