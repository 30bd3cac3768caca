package dev.pitstop.reload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains a child process's standard error on a thread of its own, so that the child never blocks
 * on a full pipe, keeping only the last bytes to explain an unexpected end. Made by
 * {@link CompilerChild}; its thread ends with the stream; read from any thread.
 */
final class StderrTail {
    private final byte[] ring;
    private long written;
    private final Thread drain;

    StderrTail(InputStream in, int capacity) {
        if (in == null || capacity < 1) {
            throw new IllegalArgumentException("a stderr tail needs a stream and room for a byte, was " + in + ", " + capacity);
        }
        ring = new byte[capacity];
        drain = new Thread(() -> {
            byte[] buffer = new byte[1024];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    append(buffer, n);
                }
            } catch (IOException closed) {
                // The process is gone.
            }
        }, "pitstop-compiler-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    private synchronized void append(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            ring[(int) (written++ % ring.length)] = b[i];
        }
    }

    void awaitEnd(long millis) {
        try {
            drain.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What is kept of what it wrote. */
    synchronized String text() {
        int size = (int) Math.min(written, ring.length);
        byte[] tail = new byte[size];
        for (int i = 0; i < size; i++) {
            tail[i] = ring[(int) ((written - size + i) % ring.length)];
        }
        return new String(tail, StandardCharsets.UTF_8);
    }

    /**
     * One line that says most: the first one when all of it was kept (a JVM that cannot start
     * says why first and adds a stack trace), else the last one.
     */
    synchronized String summary() {
        List<String> lines = new ArrayList<>();
        for (String l : text().split("\\R")) {
            if (!l.isBlank()) {
                lines.add(l.strip());
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        return written <= ring.length ? lines.get(0) : lines.get(lines.size() - 1);
    }
}
