package dev.pitstop.sim;

import dev.pitstop.api.Behaviour;
import dev.pitstop.world.SlotTable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulation knows of one script generation: its number, its behaviour instances by
 * name, and the same instances in an array indexed by slot handle, aligned to a {@link SlotTable}.
 * Built off the game thread; installing one is a single reference write. Immutable.
 */
public final class ScriptTable {

    private final int generation;
    private final Map<String, Behaviour> byName;
    private final ScriptLocator locator;
    private final SlotTable slots;
    private final Behaviour[] bySlot;

    public ScriptTable(int generation, Map<String, Behaviour> byName, ScriptLocator locator, SlotTable slots) {
        this.generation = generation;
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
        this.locator = locator;
        this.slots = slots;
        this.bySlot = new Behaviour[slots.size()];
        for (int s = 0; s < slots.size(); s++) {
            bySlot[s] = byName.get(slots.name(s));
        }
    }

    /** An empty table (before generation 1, or in tests). */
    public static ScriptTable empty() {
        return new ScriptTable(0, Map.of(), ScriptLocator.NONE, SlotTable.EMPTY);
    }

    public int generation() {
        return generation;
    }

    /** Behaviour names, sorted. */
    public java.util.Set<String> names() {
        return byName.keySet();
    }

    public Map<String, Behaviour> byName() {
        return byName;
    }

    public ScriptLocator locator() {
        return locator;
    }

    public SlotTable slots() {
        return slots;
    }

    /** The world's slot table with this generation's new names appended (sorted). */
    public SlotTable slotsFor(SlotTable world) {
        return world.withAdded(byName.keySet());
    }

    /** This table, or a copy aligned to {@code world} if that table differs. */
    public ScriptTable alignedTo(SlotTable world) {
        return world.equals(slots) ? this : new ScriptTable(generation, byName, locator, world);
    }

    Behaviour[] bySlot() {
        return bySlot;
    }
}
