package dev.pitstop.reload;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code --watch poll}: stats every file under the folder every {@code intervalMillis} and signals
 * when a path, size or modification time differs from the last scan. For file systems that send no
 * events (network shares, some containers). Runs a daemon thread of its own.
 */
final class PollingWatcher implements ChangeWatcher {

    static final long DEFAULT_INTERVAL_MILLIS = 50;

    private final Path root;
    private final Runnable onChange;
    private final long intervalMillis;
    private volatile boolean running;
    private Thread thread;

    PollingWatcher(Path root, Runnable onChange, long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalMillis must be positive, was " + intervalMillis);
        }
        this.root = root;
        this.onChange = onChange;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void start() {
        Map<String, String> first = scan();
        running = true;
        thread = new Thread(() -> loop(first), "pitstop-poller");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Map<String, String> previous) {
        Map<String, String> last = previous;
        while (running) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            Map<String, String> now = scan();
            if (!Objects.equals(now, last)) {
                last = now;
                onChange.run();
            }
        }
    }

    /** path → "size:mtime" of every regular file below the root. */
    private Map<String, String> scan() {
        Map<String, String> seen = new HashMap<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                            seen.put(file.toString(), a.size() + ":" + a.lastModifiedTime().toMillis() + ":"
                                    + a.lastModifiedTime().toInstant().getNano());
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            seen.put("<unreadable>", e.getMessage());
        }
        return seen;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
