package dev.pitstop.assets;

import dev.pitstop.files.FileStamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One asset file whose text is handed over when it changes: the {@link AssetPoller}'s thread stats
 * it and reads it, the game thread {@link #takeChange() takes} the new text between frames, so the
 * game thread never touches the disk after start. Made on the main thread before the loop.
 */
public final class WatchedFile {

    private final Path path;
    private final String displayName;
    private final AtomicReference<String> pending = new AtomicReference<>();
    private String text;
    private String stamp;

    /**
     * Reads the file now (on the calling thread).
     *
     * @param displayName how messages name the file, e.g. {@code assets/shaders/shapes.frag}
     * @throws IOException when it cannot be read
     */
    public WatchedFile(Path path, String displayName) throws IOException {
        this.path = path;
        this.displayName = displayName;
        this.stamp = stampOf(path);
        this.text = Files.readString(path, StandardCharsets.UTF_8);
    }

    public String displayName() {
        return displayName;
    }

    /** The text as read at start or last taken. Game thread. */
    public String text() {
        return text;
    }

    /** The text saved since the last call, or null if nothing changed. Game thread. */
    public String takeChange() {
        String t = pending.getAndSet(null);
        if (t != null) {
            text = t;
        }
        return t;
    }

    /** Poller thread: stats the file; reads and hands over its text when size or time changed. */
    void poll() {
        String now;
        try {
            now = stampOf(path);
        } catch (IOException e) {
            return; // gone for a moment (an editor's save by rename): look again next time
        }
        if (now.equals(stamp)) {
            return;
        }
        try {
            pending.set(Files.readString(path, StandardCharsets.UTF_8));
            stamp = now;
        } catch (IOException e) {
            // Half-written or unreadable: the stamp stays old, so the next poll tries again.
        }
    }

    private static String stampOf(Path p) throws IOException {
        return FileStamp.of(p);
    }
}
