package dev.pitstop.bench;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A cold reloader, as Django's and werkzeug's are: it watches the script folder and, once a change
 * has settled, stops the game JVM (which writes its world to a snapshot on the way out) and starts
 * a new one that restores it. Its watcher thread ({@code pitstop-supervisor}) does the restarts;
 * {@link #start} and {@link #close} are called by the thread that owns it.
 */
final class RestartSupervisor implements AutoCloseable {

    /** Starts game JVM number {@code run} (1 for the first; later ones restore the snapshot). */
    @FunctionalInterface
    interface GameLauncher {
        ChildJvm launch(int run) throws IOException;
    }

    /** How long a stopping game may take to write its snapshot and exit. */
    static final long STOP_PATIENCE_MILLIS = 60_000;

    private final Path folder;
    private final long quietMillis;
    private final GameLauncher launcher;
    private WatchService watch;
    private Thread thread;
    private volatile ChildJvm game;
    private volatile boolean restarting;
    private volatile boolean closed;
    private volatile String problem;
    private int run;

    RestartSupervisor(Path folder, long quietMillis, GameLauncher launcher) {
        if (quietMillis < 0) {
            throw new IllegalArgumentException("quietMillis must not be negative, was " + quietMillis);
        }
        this.folder = folder;
        this.quietMillis = quietMillis;
        this.launcher = launcher;
    }

    /** Arms the watcher, then starts the first game. */
    void start() throws IOException {
        watch = FileSystems.getDefault().newWatchService();
        try (Stream<Path> dirs = Files.walk(folder)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        game = launcher.launch(++run);
        thread = new Thread(this::watchLoop, "pitstop-supervisor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Why the games cannot go on, or null. Any thread. */
    String problem() {
        if (problem != null) {
            return problem;
        }
        ChildJvm g = game;
        if (!restarting && !closed && g != null && !g.alive()) {
            return "game " + run + " exited with code " + g.exitCode() + " (see " + g.log() + ")";
        }
        return null;
    }

    private void watchLoop() {
        try {
            while (!closed) {
                WatchKey key = watch.poll(100, TimeUnit.MILLISECONDS);
                if (key == null) {
                    continue;
                }
                consume(key);
                // An editor's save can come as several events: wait until the folder is quiet.
                while ((key = watch.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    consume(key);
                }
                if (!closed) {
                    restart();
                }
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            // closing
        } catch (IOException | RuntimeException e) {
            problem = "the supervisor failed: " + e;
        }
    }

    private static void consume(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private void restart() throws IOException, InterruptedException {
        restarting = true;
        try {
            ChildJvm old = game;
            Integer code = old.quit(STOP_PATIENCE_MILLIS);
            if (code == null || code != 0) {
                problem = "game " + run + " did not stop cleanly (" + (code == null ? "killed" : "exit " + code)
                        + "; see " + old.log() + ")";
                return;
            }
            game = launcher.launch(++run);
        } finally {
            restarting = false;
        }
    }

    /** Stops watching, then stops the game cleanly. */
    @Override
    public void close() {
        closed = true;
        try {
            if (thread != null) {
                thread.join(STOP_PATIENCE_MILLIS + 5_000);
            }
            if (watch != null) {
                watch.close();
            }
            ChildJvm g = game;
            if (g != null) {
                g.quit(STOP_PATIENCE_MILLIS);
            }
        } catch (IOException ignored) {
            // the watch service is gone either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** Kills the game if it still runs. */
    void kill() {
        closed = true;
        ChildJvm g = game;
        if (g != null) {
            g.kill();
        }
    }
}
