package dev.pitstop.testing;

import dev.pitstop.app.Console;
import dev.pitstop.app.Main;
import dev.pitstop.events.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs {@code ./pitstop}'s command line in this JVM on a thread of its own, with a pipe for stdin
 * and a listener that records every event as it is emitted, so tests wait on events (with a
 * generous timeout that only matters when something is broken), not on sleeps.
 */
public final class RunningEngine implements AutoCloseable {

    /** How long a test waits for an event before it calls the engine broken. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private final PipedOutputStream stdin = new PipedOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile Integer exitCode;

    private RunningEngine(String... args) throws IOException {
        PipedInputStream in = new PipedInputStream(stdin, 1 << 16);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Console console = new Console(in, errStream, errStream, e -> {
            events.add(e);
            synchronized (signal) {
                signal.notifyAll();
            }
        });
        thread = new Thread(() -> {
            int code = Main.execute(args, console);
            exitCode = code;
            synchronized (signal) {
                signal.notifyAll();
            }
        }, "test-engine");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts {@code run --headless} with {@code args}. */
    public static RunningEngine headless(String... args) throws IOException {
        String[] all = new String[args.length + 2];
        all[0] = "run";
        all[1] = "--headless";
        System.arraycopy(args, 0, all, 2, args.length);
        return new RunningEngine(all);
    }

    /** Starts {@code ./pitstop} with exactly {@code args} (e.g. {@code demo ...} in a window). */
    public static RunningEngine command(String... args) throws IOException {
        return new RunningEngine(args);
    }

    /** The index the next event will have: pass it to {@link #await} to wait for later events only. */
    public int mark() {
        return events.size();
    }

    /** The first event at or after {@code from} that matches, waiting for it up to {@link #PATIENCE}. */
    public Event await(int from, Predicate<Event> matches, String what) {
        return await(from, matches, what, PATIENCE);
    }

    /**
     * The first event at or after {@code from} that matches, waiting for it up to {@code patience}:
     * for tests that must give up sooner than {@link #PATIENCE} (an engine that fails to contain an
     * attack may flood the test JVM meanwhile).
     */
    public Event await(int from, Predicate<Event> matches, String what, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        int i = from;
        synchronized (signal) {
            while (true) {
                while (i < events.size()) {
                    Event e = events.get(i++);
                    if (matches.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || exitCode != null && i >= events.size()) {
                    throw new AssertionError("no " + what + " event; exit " + exitCode + "; events:\n"
                            + tail(30) + "\nstderr:\n" + stderr());
                }
                try {
                    signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    public Event await(int from, String type) {
        return await(from, e -> e.type().equals(type), type);
    }

    /** The first {@code stats} event after {@code from} whose tick is above {@code afterTick}. */
    public Event awaitStats(int from, long afterTick) {
        return await(from, e -> e.type().equals("stats") && e.tick() > afterTick, "stats after tick " + afterTick);
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<Event> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    public void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits for the engine to exit by itself and returns its exit code. */
    public int awaitExit() {
        try {
            thread.join(PATIENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (exitCode == null) {
            throw new AssertionError("the engine did not exit; events:\n" + tail(20));
        }
        return exitCode;
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String tail(int n) {
        List<Event> all = events();
        StringBuilder sb = new StringBuilder();
        for (Event e : all.subList(Math.max(0, all.size() - n), all.size())) {
            sb.append(e.toJson(), 0, Math.min(400, e.toJson().length())).append('\n');
        }
        return sb.toString();
    }

    /** Sends {@code quit} and waits for the exit. */
    @Override
    public void close() throws IOException {
        if (exitCode == null) {
            try {
                send("quit");
            } catch (IOException ignored) {
                // the pipe is gone: the engine ended already
            }
            awaitExit();
        }
        stdin.close();
    }
}
