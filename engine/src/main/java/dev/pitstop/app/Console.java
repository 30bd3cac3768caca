package dev.pitstop.app;

import dev.pitstop.events.EventSink;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command works with, and a listener that sees every event as it is emitted: the
 * process's own for {@code ./pitstop}, a test's own when a test runs the command line in process.
 * Set for the duration of one {@link Main#execute} call on its thread.
 *
 * @param listener called on the emitting thread; must be thread-safe and quick
 */
public record Console(InputStream in, PrintStream out, PrintStream err, EventSink listener) {

    private static final ThreadLocal<Console> CURRENT = new ThreadLocal<>();

    static Console current() {
        Console c = CURRENT.get();
        return c != null ? c : new Console(System.in, System.out, System.err, EventSink.NONE);
    }

    static void set(Console c) {
        if (c == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(c);
        }
    }
}
