package dev.pitstop.tune;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The tuner's side of the event log: the events it emits ({@code tunables}, {@code tuned},
 * {@code error}), stamped with the game's tick, and what it reads back from a build's
 * {@code rejected} event. Emits on the tune thread; {@link #firstMessage} runs on whichever thread
 * emitted the event read.
 */
final class TuneEvents {

    private final EventSink events;
    private final LongSupplier tick;

    TuneEvents(EventSink events, LongSupplier tick) {
        this.events = Objects.requireNonNull(events);
        this.tick = Objects.requireNonNull(tick);
    }

    /** A {@code tunables} event listing {@code live}'s; {@code noSources}, if not null, says why there are none. */
    void list(LiveTunables live, String noSources) {
        List<Object> items = new ArrayList<>();
        for (Tunable t : live.tunables()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", live.listedName(t));
            item.put("type", t.type().javaName);
            item.put("value", t.text());
            item.put("file", t.file());
            item.put("line", t.line());
            items.add(item);
        }
        Event e = Event.of("tunables", tick.getAsLong()).with("items", items);
        if (noSources != null) {
            e.with("message", noSources);
        }
        events.emit(e);
    }

    /**
     * A {@code tuned} event: {@code name} went from {@code from} to {@code to} in {@code file}.
     *
     * @param flag {@code unchanged}, {@code undo} or {@code redo} (a field set to true), or null
     */
    void tuned(String name, String from, String to, String file, long line, String flag) {
        Event e = Event.of("tuned", tick.getAsLong()).with("name", name).with("from", from).with("to", to)
                .with("file", file).with("line", line);
        if (flag != null) {
            e.with(flag, true);
        }
        events.emit(e);
    }

    /** An {@code error} event saying {@code why}. */
    void error(String why) {
        events.emit(Event.of("error", tick.getAsLong()).with("message", why));
    }

    /** The first diagnostic of a {@code rejected} event, as {@code file:line message}, or null. */
    static String firstMessage(Object diagnostics) {
        if (diagnostics instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> d) {
            Object file = d.get("file");
            Object line = d.get("line");
            String where = file == null ? "" : file + (line instanceof Number n && n.longValue() > 0 ? ":" + n : "") + " ";
            return where + d.get("message");
        }
        return null;
    }
}
