package dev.pitstop.events;

import java.io.PrintStream;

/**
 * The one-line status a terminal shows once a second ({@code \r}-rewritten), only when stderr is a
 * terminal. Game thread writes it; {@link ConsoleReporter} clears it before printing a message.
 */
public final class StatusLine {

    private final PrintStream out;
    private final boolean enabled;
    private int shown;

    public StatusLine(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public void show(String text) {
        if (!enabled) {
            return;
        }
        synchronized (out) {
            StringBuilder sb = new StringBuilder("\r").append(text);
            for (int i = text.length(); i < shown; i++) {
                sb.append(' ');
            }
            out.print(sb);
            out.flush();
            shown = text.length();
        }
    }

    /** Erases the status line (caller holds the stream's lock or does not care). */
    void clear() {
        if (!enabled || shown == 0) {
            return;
        }
        out.print("\r" + " ".repeat(shown) + "\r");
        shown = 0;
    }

    /** Leaves the last status on its own line (at stop). */
    public void finish() {
        if (!enabled) {
            return;
        }
        synchronized (out) {
            if (shown > 0) {
                out.println();
                shown = 0;
            }
        }
    }
}
