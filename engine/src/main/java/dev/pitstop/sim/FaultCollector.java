package dev.pitstop.sim;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.guard.BudgetExceeded;
import java.util.Arrays;

/**
 * Gathers one tick's script faults per slot and writes at most one {@code fault} event per
 * behaviour per tick, so that a broken script over thousands of entities cannot flood the log.
 * Only the first throwable of a slot in a tick is turned into text (the rest are counted), and
 * after {@link Rules#MAX_FAULTS_PER_BEHAVIOUR_TICK} faults the slot's remaining entities skip the
 * tick, which bounds the cost of a script that throws for every entity. A behaviour stopped by its
 * work budget skips the rest of the tick at once: its next entity would most likely use the whole
 * budget again. Game thread (or a shadow run's thread) only.
 */
final class FaultCollector {

    private int[] count = new int[8];
    private int[] skipped = new int[8];
    private int[] firstEntity = new int[8];
    private String[] firstError = new String[8];
    private String[] names = new String[8];
    private boolean[] stopped = new boolean[8];
    private int tickFaults;
    private int tickOverruns;
    private String tickFirstError;
    private long sinceStats;

    void reset() {
        Arrays.fill(count, 0);
        Arrays.fill(skipped, 0);
        Arrays.fill(firstError, null);
        Arrays.fill(stopped, false);
        tickFaults = 0;
        tickOverruns = 0;
        tickFirstError = null;
    }

    boolean skipping(int slot) {
        return slot < count.length && (count[slot] >= Rules.MAX_FAULTS_PER_BEHAVIOUR_TICK || stopped[slot]);
    }

    void skip(int slot) {
        skipped[slot]++;
    }

    /**
     * A behaviour used up its work for this tick: a fault with {@code message}, and its other
     * entities skip the tick.
     */
    void stopForTick(int slot, String behaviour, int entityId, String message) {
        grow(slot);
        stopped[slot] = true;
        tickOverruns++;
        count(slot, behaviour, entityId, message);
    }

    private void grow(int slot) {
        if (slot >= count.length) {
            int n = Math.max(slot + 1, count.length * 2);
            count = Arrays.copyOf(count, n);
            skipped = Arrays.copyOf(skipped, n);
            firstEntity = Arrays.copyOf(firstEntity, n);
            firstError = Arrays.copyOf(firstError, n);
            names = Arrays.copyOf(names, n);
            stopped = Arrays.copyOf(stopped, n);
        }
    }

    void record(int slot, String behaviour, int entityId, Throwable error, ScriptLocator scripts) {
        grow(slot);
        if (error instanceof BudgetExceeded) {
            stopped[slot] = true;
            tickOverruns++;
        }
        // Only the first fault of a slot in a tick is described: the text is what costs.
        count(slot, behaviour, entityId, count[slot] == 0 ? ErrorText.describe(error, scripts) : null);
    }

    /** Counts one fault; {@code text} describes it if it is the slot's first this tick. */
    private void count(int slot, String behaviour, int entityId, String text) {
        if (count[slot]++ == 0) {
            firstEntity[slot] = entityId;
            firstError[slot] = text;
            names[slot] = behaviour;
            if (tickFirstError == null) {
                tickFirstError = behaviour + ": " + text;
            }
        }
        tickFaults++;
        sinceStats++;
    }

    /** Faults in the tick being collected. */
    int tickFaults() {
        return tickFaults;
    }

    /** Updates stopped by their work budget (or its backstop, or an array cap) in the tick being collected. */
    int tickOverruns() {
        return tickOverruns;
    }

    /** "Behaviour: error at file:line" of the tick's first fault, or null. */
    String tickFirstError() {
        return tickFirstError;
    }

    long takeSinceStats() {
        long n = sinceStats;
        sinceStats = 0;
        return n;
    }

    void emit(EventSink events, long tick) {
        if (tickFaults == 0) {
            return;
        }
        for (int s = 0; s < count.length; s++) {
            if (count[s] > 0) {
                Event e = Event.of("fault", tick).with("behaviour", names[s]).with("entity", firstEntity[s])
                        .with("count", count[s]).with("error", firstError[s]);
                if (skipped[s] > 0) {
                    e.with("skipped", skipped[s]);
                }
                if (stopped[s]) {
                    e.with("overrun", true);
                }
                events.emit(e);
            }
        }
    }
}
