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
    private ScriptFault[] first = new ScriptFault[8];
    private boolean[] stopped = new boolean[8];
    private int tickFaults;
    private int tickOverruns;
    private ScriptFault tickFirst;
    private long sinceStats;

    void reset() {
        Arrays.fill(count, 0);
        Arrays.fill(skipped, 0);
        Arrays.fill(first, null);
        Arrays.fill(stopped, false);
        tickFaults = 0;
        tickOverruns = 0;
        tickFirst = null;
    }

    boolean skipping(int slot) {
        return slot < count.length && (count[slot] >= Rules.MAX_FAULTS_PER_BEHAVIOUR_TICK || stopped[slot]);
    }

    void skip(int slot) {
        skipped[slot]++;
    }

    /**
     * A behaviour used up what it may do in this tick, found between two updates (so at no line):
     * a fault with {@code message} in {@code file}, and its other entities skip the tick.
     */
    void stopForTick(int slot, String behaviour, int entityId, String message, String file) {
        grow(slot);
        stopped[slot] = true;
        tickOverruns++;
        count(slot, behaviour, entityId, () -> new ScriptFault(behaviour, entityId, message,
                file == null ? null : new ScriptLine(file, 0)));
    }

    private void grow(int slot) {
        if (slot >= count.length) {
            int n = Math.max(slot + 1, count.length * 2);
            count = Arrays.copyOf(count, n);
            skipped = Arrays.copyOf(skipped, n);
            first = Arrays.copyOf(first, n);
            stopped = Arrays.copyOf(stopped, n);
        }
    }

    void record(int slot, String behaviour, int entityId, Throwable error, ScriptLocator scripts) {
        grow(slot);
        if (error instanceof BudgetExceeded) {
            stopped[slot] = true;
            tickOverruns++;
        }
        count(slot, behaviour, entityId, () -> ScriptFault.of(behaviour, entityId, error, scripts));
    }

    /**
     * Counts one fault. Only a slot's first fault in a tick is described ({@code describe} runs
     * then only): the text is what costs, and a script's getMessage may run.
     */
    private void count(int slot, String behaviour, int entityId, java.util.function.Supplier<ScriptFault> describe) {
        if (count[slot]++ == 0) {
            first[slot] = describe.get();
            if (tickFirst == null) {
                tickFirst = first[slot];
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

    /** The tick's first fault, or null. */
    ScriptFault tickFirst() {
        return tickFirst;
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
                ScriptFault f = first[s];
                Event e = Event.of("fault", tick).with("behaviour", f.behaviour()).with("entity", f.entity())
                        .with("count", count[s]).with("error", f.describe());
                if (f.where() != null) {
                    e.with("file", f.where().file());
                    if (f.where().line() > 0) {
                        e.with("line", f.where().line());
                    }
                }
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
