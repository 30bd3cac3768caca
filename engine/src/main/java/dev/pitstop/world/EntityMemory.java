package dev.pitstop.world;

import java.util.Arrays;

/**
 * One entity's memory: a tiny map from key to a typed 32-bit value. Keys are usually string
 * literals, which the JVM interns, so lookups compare references first. Game thread only.
 */
public final class EntityMemory {

    public static final byte INT = 1;
    public static final byte FLOAT = 2;

    private String[] keys = new String[4];
    private byte[] types = new byte[4];
    private int[] values = new int[4];
    private int size;

    public int size() {
        return size;
    }

    public String key(int i) {
        return keys[i];
    }

    public byte type(int i) {
        return types[i];
    }

    public int rawValue(int i) {
        return values[i];
    }

    /** Index of {@code key}, or -1. */
    public int indexOf(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Stores a value, replacing the key's previous value and type.
     *
     * @return false if the key is new and the memory already holds {@code maxKeys} keys
     */
    public boolean put(String key, byte type, int raw, int maxKeys) {
        int i = indexOf(key);
        if (i < 0) {
            if (size >= maxKeys) {
                return false;
            }
            if (size == keys.length) {
                int n = size * 2;
                keys = Arrays.copyOf(keys, n);
                types = Arrays.copyOf(types, n);
                values = Arrays.copyOf(values, n);
            }
            i = size++;
            keys[i] = key;
        }
        types[i] = type;
        values[i] = raw;
        return true;
    }

    public EntityMemory copy() {
        EntityMemory m = new EntityMemory();
        m.keys = Arrays.copyOf(keys, keys.length);
        m.types = Arrays.copyOf(types, types.length);
        m.values = Arrays.copyOf(values, values.length);
        m.size = size;
        return m;
    }
}
