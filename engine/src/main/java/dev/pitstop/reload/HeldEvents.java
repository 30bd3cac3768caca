package dev.pitstop.reload;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import java.util.ArrayList;
import java.util.List;

/**
 * The reload pipeline's events, held back while a build is speculative: a build that starts at a
 * save's first file event often reads the file truncated, and is then redone from the final
 * content. Its events are only told once it is known to be the one that counts ({@link #release}),
 * and are dropped with it otherwise ({@link #drop}), so a redone build is as invisible as the quiet
 * period it replaces. Only what the holding thread (the reload thread) emits is held; events keep
 * the time they were made.
 */
final class HeldEvents implements EventSink {

    private final EventSink out;
    private final List<Event> held = new ArrayList<>();
    private volatile Thread holder;

    HeldEvents(EventSink out) {
        this.out = out;
    }

    @Override
    public void emit(Event event) {
        if (Thread.currentThread() == holder) {
            held.add(event);
        } else {
            out.emit(event);
        }
    }

    /** Emits {@code event} now, even from the holding thread: what must be told whatever becomes of the build. */
    void emitNow(Event event) {
        out.emit(event);
    }

    /** Holds what the calling thread emits from now on. */
    void hold() {
        holder = Thread.currentThread();
    }

    /** Emits what was held, in order, and stops holding. Holding thread. */
    void release() {
        holder = null;
        for (Event e : held) { // no method reference: its first link would cost the first save milliseconds
            out.emit(e);
        }
        held.clear();
    }

    /**
     * Forgets what was held and stops holding. Holding thread.
     *
     * @return the last {@code reload} phase among the events dropped (how far the build got), or null
     */
    String drop() {
        holder = null;
        String phase = null;
        for (Event e : held) {
            if (e.type().equals("reload") && e.get("phase") != null) {
                phase = String.valueOf(e.get("phase"));
            }
        }
        held.clear();
        return phase;
    }
}
