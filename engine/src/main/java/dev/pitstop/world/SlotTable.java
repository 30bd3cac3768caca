package dev.pitstop.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Slot handle → behaviour name. Entities hold slots, never script objects. Immutable: a table only
 * grows, by {@link #withAdded}, so a slot once given keeps its name for the life of the world and a
 * snapshot. New names are appended in sorted order, so the numbering never depends on the order in
 * which a file system lists scripts. Safe to share between threads.
 */
public final class SlotTable {

    public static final SlotTable EMPTY = new SlotTable(new String[0]);

    private final String[] names;

    private SlotTable(String[] names) {
        this.names = names;
    }

    public static SlotTable of(List<String> names) {
        return new SlotTable(names.toArray(new String[0]));
    }

    public int size() {
        return names.length;
    }

    public String name(int slot) {
        return names[slot];
    }

    /** The slot of {@code name}, or -1. */
    public int slotOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** This table, or a longer one with the names it lacks appended in sorted order. */
    public SlotTable withAdded(Collection<String> more) {
        TreeSet<String> missing = new TreeSet<>();
        for (String n : more) {
            if (slotOf(n) < 0) {
                missing.add(n);
            }
        }
        if (missing.isEmpty()) {
            return this;
        }
        String[] grown = Arrays.copyOf(names, names.length + missing.size());
        int i = names.length;
        for (String n : missing) {
            grown[i++] = n;
        }
        return new SlotTable(grown);
    }

    public List<String> names() {
        return new ArrayList<>(Arrays.asList(names));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlotTable && Arrays.equals(names, ((SlotTable) o).names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        return Arrays.toString(names);
    }
}
