package dev.pitstop.world;

import java.util.Arrays;

/**
 * The enemies, struct-of-arrays: index {@code i} of every array is one entity. Indices are dense
 * ({@code [0, count)}) and change only when dead entities are removed, by a stable compaction that
 * keeps the update order deterministic; ids never change. Game thread only (or a shadow copy's
 * owner).
 */
public final class Entities {

    public static final float RADIUS = 8f;

    public int count;
    public int[] id;
    public float[] x, y, prevX, prevY, vx, vy, health, cooldown;
    public int[] slot;
    public EntityMemory[] memory;

    public Entities(int capacity) {
        int c = Math.max(capacity, 16);
        id = new int[c];
        x = new float[c];
        y = new float[c];
        prevX = new float[c];
        prevY = new float[c];
        vx = new float[c];
        vy = new float[c];
        health = new float[c];
        cooldown = new float[c];
        slot = new int[c];
        memory = new EntityMemory[c];
    }

    /** Appends an entity at rest and returns its index. */
    public int add(int entityId, int slotHandle, float px, float py, float hp) {
        if (count == id.length) {
            grow(count * 2);
        }
        int i = count++;
        id[i] = entityId;
        slot[i] = slotHandle;
        x[i] = prevX[i] = px;
        y[i] = prevY[i] = py;
        vx[i] = vy[i] = 0f;
        health[i] = hp;
        cooldown[i] = 0f;
        memory[i] = new EntityMemory();
        return i;
    }

    /** Removes every entity whose health is at or below zero, keeping the others' order. */
    public int removeDead() {
        int w = 0;
        for (int r = 0; r < count; r++) {
            if (health[r] > 0f) {
                if (w != r) {
                    move(r, w);
                }
                w++;
            }
        }
        int removed = count - w;
        Arrays.fill(memory, w, count, null);
        count = w;
        return removed;
    }

    private void move(int from, int to) {
        id[to] = id[from];
        x[to] = x[from];
        y[to] = y[from];
        prevX[to] = prevX[from];
        prevY[to] = prevY[from];
        vx[to] = vx[from];
        vy[to] = vy[from];
        health[to] = health[from];
        cooldown[to] = cooldown[from];
        slot[to] = slot[from];
        memory[to] = memory[from];
    }

    private void grow(int capacity) {
        id = Arrays.copyOf(id, capacity);
        x = Arrays.copyOf(x, capacity);
        y = Arrays.copyOf(y, capacity);
        prevX = Arrays.copyOf(prevX, capacity);
        prevY = Arrays.copyOf(prevY, capacity);
        vx = Arrays.copyOf(vx, capacity);
        vy = Arrays.copyOf(vy, capacity);
        health = Arrays.copyOf(health, capacity);
        cooldown = Arrays.copyOf(cooldown, capacity);
        slot = Arrays.copyOf(slot, capacity);
        memory = Arrays.copyOf(memory, capacity);
    }

    /** A deep copy of every {@code stride}-th entity (0, stride, 2 x stride, ...), memory included. */
    public Entities sample(int stride) {
        if (stride <= 1) {
            return copy();
        }
        Entities e = new Entities((count + stride - 1) / stride);
        for (int i = 0; i < count; i += stride) {
            copyInto(e, i);
        }
        return e;
    }

    /**
     * A deep copy of some of the entities whose slot {@code focused} marks and at most
     * {@code otherMax} of the others, each group taken evenly across the list, memory included. Of
     * the marked ones it takes {@code focusMax}, or more if an even sample of {@code evenTotal}
     * would take more of them (when they are many), never more than {@code evenTotal}; 0 for
     * {@code focusMax} alone.
     */
    Entities sample(boolean[] focused, int focusMax, int otherMax, int evenTotal) {
        int inFocus = 0;
        for (int i = 0; i < count; i++) {
            if (marked(focused, slot[i])) {
                inFocus++;
            }
        }
        if (count > 0 && evenTotal > 0) {
            long evenShare = ((long) evenTotal * inFocus + count - 1) / count;
            focusMax = (int) Math.min(evenTotal, Math.max(focusMax, evenShare));
        }
        int others = count - inFocus;
        Entities e = new Entities(Math.max(1, Math.max(0, Math.min(inFocus, focusMax))
                + Math.max(0, Math.min(others, otherMax))));
        int seenFocus = 0;
        int seenOther = 0;
        for (int i = 0; i < count; i++) {
            boolean taken = marked(focused, slot[i]) ? evenly(seenFocus++, inFocus, focusMax)
                    : evenly(seenOther++, others, otherMax);
            if (taken) {
                copyInto(e, i);
            }
        }
        return e;
    }

    private static boolean marked(boolean[] focused, int slotHandle) {
        return slotHandle >= 0 && slotHandle < focused.length && focused[slotHandle];
    }

    /** Whether the {@code k}-th of {@code n} is one of {@code max} taken evenly from them (all if n <= max). */
    private static boolean evenly(int k, int n, int max) {
        return max > 0 && (n <= max || (long) k * max / n != (long) (k + 1) * max / n);
    }

    /** Appends a deep copy of entity {@code i} to {@code e}, which has room for it. */
    private void copyInto(Entities e, int i) {
        int j = e.count++;
        e.id[j] = id[i];
        e.x[j] = x[i];
        e.y[j] = y[i];
        e.prevX[j] = prevX[i];
        e.prevY[j] = prevY[i];
        e.vx[j] = vx[i];
        e.vy[j] = vy[i];
        e.health[j] = health[i];
        e.cooldown[j] = cooldown[i];
        e.slot[j] = slot[i];
        e.memory[j] = memory[i].copy();
    }

    /** A deep copy, memory included (for snapshots taken in memory and shadow runs). */
    public Entities copy() {
        Entities e = new Entities(count);
        e.count = count;
        System.arraycopy(id, 0, e.id, 0, count);
        System.arraycopy(x, 0, e.x, 0, count);
        System.arraycopy(y, 0, e.y, 0, count);
        System.arraycopy(prevX, 0, e.prevX, 0, count);
        System.arraycopy(prevY, 0, e.prevY, 0, count);
        System.arraycopy(vx, 0, e.vx, 0, count);
        System.arraycopy(vy, 0, e.vy, 0, count);
        System.arraycopy(health, 0, e.health, 0, count);
        System.arraycopy(cooldown, 0, e.cooldown, 0, count);
        System.arraycopy(slot, 0, e.slot, 0, count);
        for (int i = 0; i < count; i++) {
            e.memory[i] = memory[i].copy();
        }
        return e;
    }
}
