package dev.pitstop.api;

/**
 * Per-entity storage that the engine owns and that survives every reload, snapshot and replay.
 * Called on the game thread during {@link Behaviour#update}; like the {@link Agent} it comes from,
 * valid only during that call (keep the values, not the {@code Memory}).
 *
 * <p>A key holds one value: reading it with the other type's getter returns the fallback. Writes
 * take effect when the update returns normally; an update that throws leaves memory unchanged.
 * An entity holds at most {@value #MAX_KEYS} keys: writing a further one throws
 * {@link IllegalStateException}. A key is at most {@value #MAX_KEY_CHARS} characters: using a
 * longer one throws {@link IllegalArgumentException} (a fault of the update), since every key is
 * kept, hashed into every checksum and written into every snapshot.
 */
public interface Memory {

    /** How many keys one entity's memory can hold. */
    int MAX_KEYS = 64;

    /** How many characters one key may have. */
    int MAX_KEY_CHARS = 64;

    int getInt(String key, int fallback);

    void putInt(String key, int value);

    float getFloat(String key, float fallback);

    void putFloat(String key, float value);
}
