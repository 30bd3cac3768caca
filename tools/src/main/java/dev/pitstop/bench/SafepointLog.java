package dev.pitstop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM's own record of its safepoints, as {@code -Xlog:safepoint=info:file=F:tn,tags} writes
 * it (JDK 17): one line per safepoint, stamped with {@link System#nanoTime()} when it ended, giving
 * the operation and its total time (reaching the safepoint, cleanup and the operation itself):
 * {@code [123ns][safepoint] Safepoint "RedefineClasses", Time since last: ..., Total: 456 ns}.
 * Read after the JVM has ended. Any thread.
 */
final class SafepointLog {

    /** One safepoint: what it was for, when it ended, how long every Java thread stood still. */
    record Safepoint(String operation, long endNanos, long totalNanos) { }

    private static final Pattern LINE = Pattern.compile(
            "^\\[(\\d+)ns\\].*Safepoint \"([^\"]+)\".*Total: (\\d+) ns");

    private SafepointLog() {
    }

    static List<Safepoint> read(Path file) throws IOException {
        List<Safepoint> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                out.add(new Safepoint(m.group(2), Long.parseLong(m.group(1)), Long.parseLong(m.group(3))));
            }
        }
        return out;
    }

    /**
     * The game thread's pause for one redefinition: every safepoint that ended while
     * {@code redefineClasses} ran (from {@code startNanos} to {@code endNanos}), in nanoseconds;
     * -1 if the log shows none, which would mean the log is not what this class expects.
     */
    static long pauseNanos(List<Safepoint> all, long startNanos, long endNanos) {
        long sum = 0;
        boolean any = false;
        for (Safepoint s : all) {
            if (s.endNanos() >= startNanos && s.endNanos() <= endNanos) {
                sum += s.totalNanos();
                any = true;
            }
        }
        return any ? sum : -1;
    }
}
