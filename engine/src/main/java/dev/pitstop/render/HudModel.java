package dev.pitstop.render;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the HUD shows of the event log: the last reload's phase times, the last swap's pause, the
 * errors of the last rejected attempt (until a generation goes live), the last lines scripts
 * logged, and the latest notice (rollback, fault, warning, error). It listens to the event log,
 * whose listeners run on whichever thread emits (game, reload, watcher): each event updates the
 * model under a lock and publishes a new immutable {@link State}, which the game thread reads
 * without locking or allocating. Shader errors come from the renderer on the game thread.
 */
public final class HudModel implements EventSink {

    /** Script log lines kept. */
    public static final int LOG_LINES = 6;
    /** Diagnostics kept of one rejected attempt. */
    public static final int ERROR_LINES = 8;
    /** Characters kept of one line: the HUD is not a terminal. */
    public static final int MAX_LINE_CHARS = 110;

    /**
     * One published view. Phase times are NaN when the attempt has not reached that phase.
     *
     * @param reloadGeneration the attempt the phase times belong to, 0 before any
     * @param swapGeneration the generation the last swap made live, 0 before any
     * @param swapCount swaps so far (the frame graph marks frames where it changed)
     * @param errors the last rejected attempt's header and diagnostics, empty once a swap follows
     * @param logs the last lines scripts logged, oldest first
     * @param notice the latest rollback, fault, warning or error, or null
     */
    public record State(int reloadGeneration, double detectedMs, double compiledMs, double verifiedMs,
            double loadedMs, double shadowMs, int swapGeneration, double pauseMicros, double editToSwapMs, long swapCount,
            List<String> errors, List<String> logs, String notice) {

        static final State EMPTY = new State(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN,
                Double.NaN, 0, List.of(), List.of(), null);
    }

    private volatile State state = State.EMPTY;
    private volatile String shaderError;

    /** The latest state. Any thread; no locking. */
    public State state() {
        return state;
    }

    /** The renderer's current shader compile or link error, or null. */
    public String shaderError() {
        return shaderError;
    }

    /** Game thread (the renderer): the shader error to show, or null when all shaders built. */
    public void shaderError(String text) {
        shaderError = text;
    }

    @Override
    public synchronized void emit(Event e) {
        State s = state;
        Map<String, Object> f = e.fields();
        State next = switch (e.type()) {
            case "reload" -> reload(s, f);
            case "swap" -> new State(s.reloadGeneration, s.detectedMs, s.compiledMs, s.verifiedMs, s.loadedMs,
                    s.shadowMs, intOf(f.get("toGeneration")), doubleOf(f.get("pauseMicros")), doubleOf(f.get("editToSwapMs")),
                    s.swapCount + 1, List.of(), s.logs, null);
            case "rejected" -> "superseded".equals(f.get("reason")) ? s : rejected(s, f);
            case "log" -> withLog(s, clip("[" + f.get("behaviour") + " #" + f.get("entity") + "] " + f.get("message")));
            case "rollback" -> withNotice(s, "rolled back from generation " + f.get("fromGeneration") + " to "
                    + f.get("toGeneration") + ": " + f.get("reason"));
            case "fault" -> withNotice(s, "fault in " + f.get("behaviour") + " (" + f.get("count") + "): " + f.get("error"));
            case "error" -> withNotice(s, "error: " + f.get("message"));
            case "warning" -> withNotice(s, "warning: " + f.get("message"));
            default -> s;
        };
        state = next;
    }

    private static State reload(State s, Map<String, Object> f) {
        int g = intOf(f.get("generation"));
        double ms = doubleOf(f.get("ms"));
        Object phase = f.get("phase");
        State base = g == s.reloadGeneration ? s
                : new State(g, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, s.swapGeneration, s.pauseMicros,
                        s.editToSwapMs, s.swapCount, s.errors, s.logs, s.notice);
        return new State(g, "detected".equals(phase) ? ms : base.detectedMs, "compiled".equals(phase) ? ms : base.compiledMs,
                "verified".equals(phase) ? ms : base.verifiedMs, "loaded".equals(phase) ? ms : base.loadedMs,
                "shadow".equals(phase) ? ms : base.shadowMs, base.swapGeneration, base.pauseMicros, base.editToSwapMs, base.swapCount, base.errors, base.logs,
                base.notice);
    }

    private static State rejected(State s, Map<String, Object> f) {
        List<String> lines = new ArrayList<>();
        lines.add("generation " + f.get("generation") + " rejected (" + f.get("reason") + "); the old code runs on");
        if (f.get("diagnostics") instanceof List<?> list) {
            for (Object o : list) {
                if (lines.size() > ERROR_LINES) {
                    lines.add("... and more (see the terminal)");
                    break;
                }
                if (o instanceof Map<?, ?> d) {
                    StringBuilder sb = new StringBuilder(d.get("file") == null ? "?" : String.valueOf(d.get("file")));
                    if (d.get("line") instanceof Number n && n.longValue() > 0) {
                        sb.append(':').append(n.longValue());
                    }
                    lines.add(clip(sb.append(' ').append(d.get("message")).toString()));
                }
            }
        }
        return new State(s.reloadGeneration, s.detectedMs, s.compiledMs, s.verifiedMs, s.loadedMs, s.shadowMs,
                s.swapGeneration,
                s.pauseMicros, s.editToSwapMs, s.swapCount, List.copyOf(lines), s.logs, s.notice);
    }

    private static State withLog(State s, String line) {
        List<String> logs = new ArrayList<>(s.logs);
        logs.add(line);
        while (logs.size() > LOG_LINES) {
            logs.remove(0);
        }
        return new State(s.reloadGeneration, s.detectedMs, s.compiledMs, s.verifiedMs, s.loadedMs, s.shadowMs,
                s.swapGeneration,
                s.pauseMicros, s.editToSwapMs, s.swapCount, s.errors, List.copyOf(logs), s.notice);
    }

    private static State withNotice(State s, String notice) {
        return new State(s.reloadGeneration, s.detectedMs, s.compiledMs, s.verifiedMs, s.loadedMs, s.shadowMs,
                s.swapGeneration,
                s.pauseMicros, s.editToSwapMs, s.swapCount, s.errors, s.logs, clip(notice));
    }

    /** One screen line: the first line of {@code text}, cut to {@link #MAX_LINE_CHARS}. */
    static String clip(String text) {
        String t = text;
        int nl = t.indexOf('\n');
        if (nl >= 0) {
            t = t.substring(0, nl);
        }
        return t.length() > MAX_LINE_CHARS ? t.substring(0, MAX_LINE_CHARS - 3) + "..." : t;
    }

    private static int intOf(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    private static double doubleOf(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
