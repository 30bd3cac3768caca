package dev.pitstop.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The events of the game a strategy runs, as the driver sees them: follows the game's event log,
 * records every event into the {@link StrategyRecording} as it is read, and waits for the ones the driver
 * cares about. Waits poll the
 * file every millisecond; the times measured come from the events themselves, so how soon the
 * driver notices does not change any number. Driver thread only.
 */
final class GameEvents implements AutoCloseable {

    private static final long POLL_MILLIS = 1;

    private final EventFollower follower;
    private final StrategyRecording recording;
    private final Supplier<String> problem;
    private final Deque<LoggedEvent> unread = new ArrayDeque<>();

    /**
     * @param problem says why the game cannot go on (it died), or null while all is well
     */
    GameEvents(Path eventLog, StrategyRecording recording, Supplier<String> problem) {
        this.follower = new EventFollower(eventLog);
        this.recording = recording;
        this.problem = problem;
    }

    /** The next event that matches, waiting up to {@code patience}; earlier events are only recorded. */
    LoggedEvent await(Predicate<LoggedEvent> matches, Duration patience, String what) throws BenchFailure {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            while (!unread.isEmpty()) {
                LoggedEvent e = unread.poll();
                if (matches.test(e)) {
                    return e;
                }
            }
            read();
            if (!unread.isEmpty()) {
                continue;
            }
            String wrong = problem.get();
            if (wrong != null) {
                read();
                if (unread.isEmpty()) {
                    throw new BenchFailure("while waiting for " + what + ": " + wrong);
                }
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("no " + what + " within " + patience.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure("interrupted while waiting for " + what);
            }
        }
    }

    /** Waits until tick {@code tick} has run. */
    LoggedEvent awaitTick(long tick, Duration patience) throws BenchFailure {
        return await(e -> e.is("tick") && e.tick() >= tick, patience, "tick " + tick);
    }

    private void read() throws BenchFailure {
        try {
            for (LoggedEvent e : follower.poll()) {
                recording.accept(e);
                unread.add(e);
            }
        } catch (IOException e) {
            throw new BenchFailure("cannot read the event log: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        follower.close();
    }
}
