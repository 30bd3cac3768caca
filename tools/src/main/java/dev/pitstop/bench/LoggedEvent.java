package dev.pitstop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an event log as the benchmark read it back: type, wall-clock time in
 * epoch milliseconds, tick, and the whole object for further fields. Immutable.
 */
record LoggedEvent(String type, double epochMillis, long tick, JsonNode json) {

    static LoggedEvent of(JsonNode json) {
        return new LoggedEvent(json.path("type").asText(), json.path("t").asDouble(), json.path("tick").asLong(), json);
    }

    boolean is(String t) {
        return type.equals(t);
    }

    long longField(String name) {
        return json.path(name).asLong();
    }

    double doubleField(String name) {
        return json.path(name).asDouble();
    }

    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        json.path(name).forEach(n -> out.add(n.asText()));
        return out;
    }
}
