package dev.pitstop.reload;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What the reload pipeline says, as events stamped with the game's tick: the {@code reload}
 * phases, {@code rejected}, {@code warning} and {@code warmed}. A speculative build's events are
 * held back ({@link HeldEvents}) until it is known to count. Reload thread (and the caller's
 * thread for generation 1).
 */
final class ReloadEvents {

    private final HeldEvents out;
    private final LongSupplier tick;

    ReloadEvents(EventSink sink, LongSupplier tick) {
        this.out = new HeldEvents(sink);
        this.tick = tick;
    }

    HeldEvents held() {
        return out;
    }

    long tick() {
        return tick.getAsLong();
    }

    /** A {@code reload} event of {@code phase}, not yet emitted (for extra fields). */
    Event phaseEvent(int number, String phase, double ms) {
        return Event.of("reload", tick.getAsLong()).with("phase", phase).with("generation", number)
                .with("ms", round(ms));
    }

    void phase(int number, String phase, double ms) {
        out.emit(phaseEvent(number, phase, ms));
    }

    void detected(int number, double ms, String trigger) {
        detected(number, ms, trigger, null);
    }

    /** @param abandonedAfter how far a build of older content got before this one redid it, or null */
    void detected(int number, double ms, String trigger, String abandonedAfter) {
        Event e = phaseEvent(number, "detected", ms).with("trigger", trigger);
        out.emit(abandonedAfter == null ? e : e.with("abandonedAfter", abandonedAfter));
    }

    void emit(Event e) {
        out.emit(e);
    }

    void rejected(int number, String reason, List<Diagnostic> diagnostics) {
        List<Object> list = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            list.add(d.toMap());
        }
        out.emit(Event.of("rejected", tick.getAsLong()).with("generation", number).with("reason", reason)
                .with("diagnostics", list));
    }

    /** A warning about attempt {@code number} ({@code 0}: about no attempt in particular). */
    void warning(int number, String message) {
        out.emit(warningEvent(number).with("message", message));
    }

    private Event warningEvent(int number) {
        Event e = Event.of("warning", tick.getAsLong());
        return number > 0 ? e.with("generation", number) : e;
    }

    /**
     * A script thread was left stuck: a warning naming it, told at once, not held with a
     * speculative build's events (a thread is left behind even if the build is redone).
     */
    void stuck(int number, String thread, String message) {
        out.emitNow(warningEvent(number).with("thread", thread).with("message", message));
    }

    void warmed(PathWarmUp.Result r) {
        out.emit(Event.of("warmed", tick.getAsLong()).with("rounds", r.rounds()).with("firstMs", round(r.firstMs()))
                .with("lastMs", round(r.lastMs())).with("checkMs", round(r.checkMs())).with("loadMs", round(r.loadMs()))
                .with("shadowMs", round(r.shadowMs())).with("ms", round(r.totalMs())));
    }

    void error(String message) {
        out.emit(Event.of("error", tick.getAsLong()).with("message", message));
    }

    static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    static double ms(long nanos) {
        return Math.round(nanos / 1000.0) / 1000.0;
    }
}
