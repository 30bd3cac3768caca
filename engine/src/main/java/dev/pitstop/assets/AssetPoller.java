package dev.pitstop.assets;

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
    private volatile boolean running;
    private Thread thread;

    public void watch(WatchedFile file) {
        files.add(file);
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "pitstop-assets");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (WatchedFile f : files) {
                f.poll();
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
