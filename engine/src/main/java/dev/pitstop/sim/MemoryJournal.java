package dev.pitstop.sim;

import dev.pitstop.api.Memory;
import dev.pitstop.world.EntityMemory;
import java.util.Arrays;

/**
 * The {@link Memory} a script sees during one update: reads see the entity's stored memory with
 * this update's writes on top; writes are journaled and reach the store only at {@link #commit}, so
 * an update that throws leaves memory as it was. Game thread (or a shadow run's thread) only.
 */
final class MemoryJournal implements Memory {

    private EntityMemory store;
    private String[] keys = new String[8];
    private byte[] types = new byte[8];
    private int[] values = new int[8];
    private int size;
    private int newKeys;

    void begin(EntityMemory entityMemory) {
        store = entityMemory;
        size = 0;
        newKeys = 0;
    }

    void commit() {
        for (int i = 0; i < size; i++) {
            store.put(keys[i], types[i], values[i], MAX_KEYS);
        }
        size = 0;
        store = null;
    }

    void discard() {
        size = 0;
        store = null;
    }

    @Override
    public int getInt(String key, int fallback) {
        return get(key, EntityMemory.INT, fallback);
    }

    @Override
    public float getFloat(String key, float fallback) {
        return Float.intBitsToFloat(get(key, EntityMemory.FLOAT, Float.floatToRawIntBits(fallback)));
    }

    @Override
    public void putInt(String key, int value) {
        put(key, EntityMemory.INT, value);
    }

    @Override
    public void putFloat(String key, float value) {
        put(key, EntityMemory.FLOAT, Float.floatToRawIntBits(value));
    }

    private int get(String key, byte type, int fallback) {
        live();
        checkKey(key);
        int j = journalIndex(key);
        if (j >= 0) {
            return types[j] == type ? values[j] : fallback;
        }
        int i = store.indexOf(key);
        return i >= 0 && store.type(i) == type ? store.rawValue(i) : fallback;
    }

    private void put(String key, byte type, int raw) {
        live();
        checkKey(key);
        int j = journalIndex(key);
        if (j < 0) {
            if (store.indexOf(key) < 0) {
                if (store.size() + newKeys >= MAX_KEYS) {
                    throw new IllegalStateException("Memory is full: an entity holds at most " + MAX_KEYS
                            + " keys (writing \"" + key + "\")");
                }
                newKeys++;
            }
            if (size == keys.length) {
                // All copies first, then the fields: a stack overflow between two copies (a script
                // deep in a recursion) must not leave the arrays of different lengths.
                String[] moreKeys = Arrays.copyOf(keys, size * 2);
                byte[] moreTypes = Arrays.copyOf(types, size * 2);
                int[] moreValues = Arrays.copyOf(values, size * 2);
                keys = moreKeys;
                types = moreTypes;
                values = moreValues;
            }
            j = size++;
            keys[j] = key;
        }
        types[j] = type;
        values[j] = raw;
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new NullPointerException("Memory key is null");
        }
        if (key.length() > MAX_KEY_CHARS) {
            throw new IllegalArgumentException("Memory key of " + key.length() + " characters: a key may have at most "
                    + MAX_KEY_CHARS);
        }
    }

    private int journalIndex(String key) {
        for (int j = size - 1; j >= 0; j--) {
            if (keys[j] == key || keys[j].equals(key)) {
                return j;
            }
        }
        return -1;
    }

    private void live() {
        if (store == null) {
            throw new IllegalStateException("Memory used outside Behaviour.update");
        }
    }
}
