package dev.pitstop.events;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Turns the events a user should see (swaps, rejections with every diagnostic, rollbacks,
 * orphans, warnings, errors, script logs, faults at most once a second per behaviour) into
 * one-line messages on stderr. Printing happens on a daemon thread of its own so that a slow
 * terminal never stalls the game thread; {@link StatusLine} shares the stream and is cleared
 * first. Any thread may emit.
 */
public final class ConsoleReporter implements EventSink {

    private final PrintStream out;
    private final StatusLine status;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Map<String, Long> lastFaultMillis = new ConcurrentHashMap<>();
    private final Thread printer;

    public ConsoleReporter(PrintStream out, StatusLine status) {
        this.out = out;
        this.status = status;
        printer = new Thread(this::print, "pitstop-console");
        printer.setDaemon(true);
        printer.start();
    }

    @Override
    public void emit(Event e) {
        String line = format(e);
        if (line != null) {
            lines.add(line);
        }
    }

    /** Waits (briefly) until every queued line is printed. */
    public void flush() {
        long deadline = System.currentTimeMillis() + 2000;
        while (!lines.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(2);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void print() {
        try {
            while (true) {
                String line = lines.take();
                synchronized (out) {
                    status.clear();
                    out.println(line);
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where scripts compile, when a daemon is involved: a process that outlives the game should not be a surprise. */
    private static String daemon(Object status) {
        if (status == null || "off".equals(status)) {
            return "";
        }
        String s = status.toString();
        return "; compile daemon " + s + (s.startsWith("not used") ? "" : ", kept warm for the next start");
    }

    String format(Event e) {
        Map<String, Object> f = e.fields();
        return switch (e.type()) {
            case "start" -> "pitstop: generation " + f.get("generation") + " live with " + f.get("behaviours")
                    + (f.get("scripts") == null ? "" : "; watching " + f.get("scripts"))
                    + (f.get("debug") == null ? "" : "; debugger (JDWP) on " + f.get("debug"))
                    + daemon(f.get("compileDaemon"));
            case "swap" -> "pitstop: generation " + f.get("toGeneration") + " live (" + describeChange(f) + ") in "
                    + f.get("editToSwapMs") + " ms, pause " + f.get("pauseMicros") + " µs";
            case "rejected" -> rejected(f);
            case "rollback" -> "pitstop: rolled back from generation " + f.get("fromGeneration") + " to "
                    + f.get("toGeneration") + ": " + f.get("reason");
            case "orphaned" -> "pitstop: " + f.get("entities") + " entities use " + f.get("behaviour")
                    + ", which the live scripts lack; they stand still until it returns";
            case "warning" -> "pitstop: warning: " + f.get("message");
            case "error" -> "pitstop: error: " + f.get("message");
            case "log" -> "[" + f.get("behaviour") + " #" + f.get("entity") + "] " + f.get("message");
            case "fault" -> fault(f);
            case "loop" -> "pitstop: loop pass " + f.get("iteration") + " ended, checksum " + f.get("checksum");
            case "loop-marked" -> "pitstop: loop start marked at tick " + e.tick() + " (loop-end closes the loop)";
            case "loop-closed" -> "pitstop: looping ticks " + f.get("startTick") + " to " + f.get("endTick")
                    + " (loop-off leaves the loop)";
            case "loop-off" -> "pitstop: loop off; the game goes on from here";
            case "level" -> "pitstop: level " + f.get("file") + " reloaded (" + f.get("waves") + " waves)";
            case "restart" -> "pitstop: restarted";
            case "tuned" -> "pitstop: " + (f.get("undo") != null ? "undid: " : f.get("redo") != null ? "redid: " : "tuned ")
                    + f.get("name") + " " + f.get("from") + " -> " + f.get("to") + " (" + f.get("file") + ":" + f.get("line") + ")";
            case "tunables" -> tunables(f);
            case "frames" -> "pitstop: " + f.get("frames") + " frames, frame time p50 " + f.get("p50Ms") + " ms, p99 "
                    + f.get("p99Ms") + " ms (vsync " + (Boolean.TRUE.equals(f.get("vsync")) ? "on" : "off") + ")";
            default -> null;
        };
    }

    private String fault(Map<String, Object> f) {
        String behaviour = String.valueOf(f.get("behaviour"));
        long now = System.currentTimeMillis();
        Long last = lastFaultMillis.get(behaviour);
        if (last != null && now - last < 1000) {
            return null;
        }
        lastFaultMillis.put(behaviour, now);
        return "pitstop: fault in " + behaviour + " (" + f.get("count") + " entities): " + f.get("error");
    }

    private static String tunables(Map<String, Object> f) {
        List<?> items = f.get("items") instanceof List<?> l ? l : List.of();
        StringBuilder sb = new StringBuilder("pitstop: ").append(items.size()).append(items.size() == 1 ? " tunable" : " tunables");
        if (f.get("message") != null) {
            sb.append(" (").append(f.get("message")).append(')');
        }
        for (Object o : items) {
            if (o instanceof Map<?, ?> t) {
                sb.append(System.lineSeparator()).append("  ").append(t.get("name")).append(" = ").append(t.get("value"))
                        .append("  (").append(t.get("type")).append(", ").append(t.get("file")).append(':')
                        .append(t.get("line")).append(')');
            }
        }
        return sb.toString();
    }

    private static String describeChange(Map<String, Object> f) {
        StringBuilder sb = new StringBuilder();
        append(sb, "changed", f.get("changed"));
        append(sb, "added", f.get("added"));
        append(sb, "removed", f.get("removed"));
        return sb.length() == 0 ? "no behaviour changed" : sb.toString();
    }

    private static void append(StringBuilder sb, String what, Object names) {
        if (names instanceof List<?> l && !l.isEmpty()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(what).append(' ');
            // A loop, not a stream: the first swap's line would link its method reference then.
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(l.get(i));
            }
        }
    }

    private static String rejected(Map<String, Object> f) {
        StringBuilder sb = new StringBuilder("pitstop: generation " + f.get("generation") + " rejected ("
                + f.get("reason") + "); the old code runs on");
        if (f.get("diagnostics") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> d) {
                    sb.append(System.lineSeparator()).append("  ").append(d.get("file") == null ? "" : d.get("file"));
                    Object line = d.get("line");
                    if (line instanceof Number n && n.longValue() > 0) {
                        sb.append(':').append(line);
                        if (d.get("column") != null) {
                            sb.append(':').append(d.get("column"));
                        }
                    }
                    sb.append(' ').append(d.get("message"));
                }
            }
        }
        return sb.toString();
    }
}
