package dev.pitstop.sim;

import dev.pitstop.api.Behaviour;
import dev.pitstop.world.SlotTable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulation knows of one script generation: its number, its behaviour instances by
 * name, and the same instances in an array indexed by slot handle, aligned to a {@link SlotTable},
 * and the work budget of one update of its (instrumented) code. Built off the game thread;
 * installing one is a single reference write. Immutable.
 */
public final class ScriptTable {

    /** The budget of code without instrumentation ({@code --trust-scripts}, tests): none is started. */
    public static final long UNLIMITED = 0;

    private final int generation;
    private final Map<String, Behaviour> byName;
    private final ScriptLocator locator;
    private final SlotTable slots;
    private final Behaviour[] bySlot;
    private final long budgetUnits;

    /** A table of code without a work budget ({@link #UNLIMITED}). */
    public ScriptTable(int generation, Map<String, Behaviour> byName, ScriptLocator locator, SlotTable slots) {
        this(generation, byName, locator, slots, UNLIMITED);
    }

    /** @param budgetUnits the work one update may do, or {@link #UNLIMITED} for code without instrumentation */
    public ScriptTable(int generation, Map<String, Behaviour> byName, ScriptLocator locator, SlotTable slots,
            long budgetUnits) {
        this.generation = generation;
        this.budgetUnits = budgetUnits;
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
        return world.equals(slots) ? this : new ScriptTable(generation, byName, locator, world, budgetUnits);
    }

    /** The work one update may do, in budget units, or {@link #UNLIMITED}. */
    public long budgetUnits() {
        return budgetUnits;
    }

    /**
     * The behaviour of the entities that hold slot handle {@code slot}, or null where this
     * generation has none (a name it does not define, or a slot added after it was built): the
     * lookup the simulation's dispatch ({@link ScriptDispatch}) makes for every update, on the game
     * thread; the dispatch benchmark makes it too. Any thread (the table is immutable).
     */
    public Behaviour inSlot(int slot) {
        return slot < bySlot.length ? bySlot[slot] : null;
    }
}
