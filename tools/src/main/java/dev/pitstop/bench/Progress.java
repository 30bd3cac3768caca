package dev.pitstop.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress bar on stderr: strategy, edit k of N, the last edit's time to live. On a terminal
 * one line redrawn in place; otherwise (CI logs, pipes) a line at every tenth of the edits.
 * Driver thread only.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private String strategy = "";
    private int total;

    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    void starting(String name, int edits) {
        strategy = name;
        total = edits;
        show(0, "starting the game");
    }

    void edit(int k, double editToLiveMillis) {
        String last = String.format(Locale.ROOT, "last edit live in %.1f ms", editToLiveMillis);
        if (terminal || k == total || k % Math.max(1, total / 10) == 0) {
            show(k, last);
        }
    }

    void finished() {
        if (terminal) {
            err.print('\n');
            err.flush();
        }
    }

    void note(String message) {
        if (terminal) {
            err.print("\r\033[K");
        }
        err.println("bench: " + message);
        err.flush();
    }

    private void show(int k, String detail) {
        int filled = total == 0 ? 0 : k * WIDTH / total;
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String line = String.format(Locale.ROOT, "bench %-10s [%s] edit %d/%d  %s", strategy, bar, k, total, detail);
        if (terminal) {
            err.print("\r\033[K" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }
}
