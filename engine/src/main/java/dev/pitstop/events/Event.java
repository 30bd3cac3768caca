package dev.pitstop.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the event log: a type, the wall-clock time, the world's tick, and
 * further fields in insertion order. Built by one thread and then handed over; read-only once
 * emitted.
 */
public final class Event {

    private final String type;
    private final double epochMillis;
    private final long tick;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Event(String type, long tick) {
        Instant now = Instant.now();
        this.type = type;
        this.tick = tick;
        this.epochMillis = now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
    }

    public static Event of(String type, long tick) {
        return new Event(type, tick);
    }

    public Event with(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    public String type() {
        return type;
    }

    public long tick() {
        return tick;
    }

    /** When it was made: wall clock, epoch milliseconds (its {@code t}). */
    public double epochMillis() {
        return epochMillis;
    }

    public Object get(String name) {
        return fields.get(name);
    }

    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public String toJson() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("type", type);
        all.put("t", Math.round(epochMillis * 1000.0) / 1000.0);
        all.put("tick", tick);
        all.putAll(fields);
        return Json.write(all);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
