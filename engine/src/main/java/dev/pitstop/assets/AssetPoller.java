package dev.pitstop.assets;

import dev.pitstop.files.PollingThread;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Notices saved asset files (a level, a shader) by stating them every {@link #INTERVAL_MILLIS}: a
 * handful of small files, where polling is simpler than events and survives editors that save by
 * renaming. Runs one daemon thread of its own, which only reads files; what changed is taken by
 * the game thread through {@link WatchedFile#takeChange()}. {@link #watch} from any thread.
 */
public final class AssetPoller implements AutoCloseable {

    public static final long INTERVAL_MILLIS = 100;

    private final List<WatchedFile> files = new CopyOnWriteArrayList<>();
    private final PollingThread thread = new PollingThread("pitstop-assets", INTERVAL_MILLIS, () -> {
        for (WatchedFile f : files) {
            f.poll();
        }
    });

    public void watch(WatchedFile file) {
        files.add(file);
    }

    public void start() {
        thread.start();
    }

    @Override
    public void close() {
        thread.close();
    }
}
