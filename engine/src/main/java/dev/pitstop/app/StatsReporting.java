package dev.pitstop.app;

import dev.pitstop.events.EventSink;
import dev.pitstop.events.StatusLine;
import dev.pitstop.events.TickTimes;
import dev.pitstop.loop.FixedStepLoop;
import dev.pitstop.replay.LoopEditor;
import dev.pitstop.sim.Simulation;
import dev.pitstop.sim.StatsReport;
import dev.pitstop.world.WorldState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a running game says about itself: a {@code stats} event every N ticks (with the tick times
 * since the last one) and the terminal's status line once a second. Game thread.
 */
final class StatsReporting {

    private final Simulation sim;
    private final EventSink events;
    private final StatusLine status;
    private final LoopEditor loops;
    private final TickTimes tickTimes = new TickTimes();
    private final TickTimes statsTickTimes = new TickTimes();
    private long lastStatusNanos;

    StatsReporting(Simulation sim, EventSink events, StatusLine status, LoopEditor loops) {
        this.sim = sim;
        this.events = events;
        this.status = status;
        this.loops = loops;
    }

    void ticked(long tickNanos) {
        tickTimes.record(tickNanos);
        statsTickTimes.record(tickNanos);
    }

    /** A stats event, with the tick times since the last one. */
    void emitStats() {
        Map<String, Object> tickMs = new LinkedHashMap<>();
        tickMs.put("p50", round3(statsTickTimes.percentileMillis(50)));
        tickMs.put("p99", round3(statsTickTimes.percentileMillis(99)));
        tickMs.put("max", round3(statsTickTimes.percentileMillis(100)));
        events.emit(StatsReport.of(sim).with("tickMs", tickMs));
        statsTickTimes.reset();
    }

    /** The status line's text. */
    String statusText(FixedStepLoop loop) {
        WorldState w = sim.world();
        String looping = switch (loops.state()) {
            case OFF -> "";
            case MARKED -> " | loop marked";
            case LOOPING -> " | loop pass " + loops.iteration() + " at " + (w.tick - loops.firstTick()) + "/"
                    + loops.length();
        };
        return String.format("tick %d | %d entities | generation %d | tick p50 %.2f ms p99 %.2f ms%s%s",
                w.tick, w.entities.count, sim.scripts().generation(), tickTimes.percentileMillis(50),
                tickTimes.percentileMillis(99), loop.paused() ? " | paused" : "", looping);
    }

    /** Once a second: the status line. */
    void maybeShowStatus(FixedStepLoop loop) {
        long now = System.nanoTime();
        if (now - lastStatusNanos >= 1_000_000_000L) {
            lastStatusNanos = now;
            if (status.enabled()) {
                status.show(statusText(loop));
            }
            tickTimes.reset();
        }
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
