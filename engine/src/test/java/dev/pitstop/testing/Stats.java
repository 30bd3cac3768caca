package dev.pitstop.testing;

import dev.pitstop.events.Event;
import java.util.Map;

/** Reading {@code stats} events in tests. */
public final class Stats {

    private Stats() {
    }

    /** The per-behaviour part of a stats event, or null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> behaviour(Event stats, String name) {
        return (Map<String, Object>) ((Map<String, Object>) stats.get("behaviours")).get(name);
    }

    public static double meanSpeed(Event stats, String name) {
        return ((Number) behaviour(stats, name).get("meanSpeed")).doubleValue();
    }

    /** Waits for stats (from event index {@code from}) showing {@code name} at {@code speed}. */
    public static Event awaitSpeed(RunningEngine e, int from, String name, double speed) {
        return e.await(from, ev -> ev.type().equals("stats") && behaviour(ev, name) != null
                && Math.abs(meanSpeed(ev, name) - speed) < 1e-3, name + " at speed " + speed);
    }
}
