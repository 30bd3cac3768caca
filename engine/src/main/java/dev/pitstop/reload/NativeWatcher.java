package dev.pitstop.reload;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code --watch native}: file-system events through io.methvin's directory-watcher, which watches
 * recursively (new subfolders included) with inotify on Linux and FSEvents on macOS, where the
 * JDK's own WatchService only polls every few seconds. Its thread only signals the coordinator.
 */
final class NativeWatcher implements ChangeWatcher {

    private final Path root;
    private final Runnable onChange;
    private DirectoryWatcher watcher;
    private ExecutorService thread;

    NativeWatcher(Path root, Runnable onChange) {
        this.root = root;
        this.onChange = onChange;
    }

    @Override
    public void start() throws IOException {
        Path real = root.toRealPath();
        watcher = DirectoryWatcher.builder()
                .path(real)
                .fileHashing(false)
                .listener(this::onEvent)
                .build();
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pitstop-watcher");
            t.setDaemon(true);
            return t;
        });
        watcher.watchAsync(thread); // registers every folder before it returns: armed from here on
    }

    private void onEvent(DirectoryChangeEvent event) {
        onChange.run();
    }

    @Override
    public void close() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            // Closing a watch that is gone already is not worth a message.
        }
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
