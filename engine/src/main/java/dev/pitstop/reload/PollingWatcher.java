package dev.pitstop.reload;

import dev.pitstop.files.FileStamp;
import dev.pitstop.files.PollingThread;
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
    private final PollingThread thread;
    private Map<String, String> last;

    PollingWatcher(Path root, Runnable onChange, long intervalMillis) {
        this.root = root;
        this.onChange = onChange;
        this.thread = new PollingThread("pitstop-poller", intervalMillis, this::look);
    }

    @Override
    public void start() {
        last = scan();
        thread.start();
    }

    private void look() {
        Map<String, String> now = scan();
        if (!Objects.equals(now, last)) {
            last = now;
            onChange.run();
        }
    }

    /** path → stamp of every regular file below the root. */
    private Map<String, String> scan() {
        Map<String, String> seen = new HashMap<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                            seen.put(file.toString(), FileStamp.of(a));
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
        thread.close();
    }
}
