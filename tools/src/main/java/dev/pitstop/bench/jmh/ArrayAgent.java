package dev.pitstop.bench.jmh;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Memory;
import dev.pitstop.world.EntityMemory;
import org.joml.Vector2f;
import org.joml.Vector2fc;

/**
 * A cursor over entities in flat arrays, the shape of the engine's own agent view, so that the
 * dispatch benchmark's updates do a script's real work (read a position, write a velocity, use
 * memory) without the engine's per-update bookkeeping, which is not dispatch. Benchmark thread.
 */
final class ArrayAgent implements Agent, Memory {

    private static final int MAX_KEYS = 16;

    private final float[] x;
    private final float[] y;
    private final float[] vx;
    private final float[] vy;
    private final EntityMemory[] memory;
    private final Vector2f position = new Vector2f();
    private final Vector2f velocity = new Vector2f();
    private int i;

    ArrayAgent(int entities) {
        x = new float[entities];
        y = new float[entities];
        vx = new float[entities];
        vy = new float[entities];
        memory = new EntityMemory[entities];
        for (int k = 0; k < entities; k++) {
            x[k] = (k * 37) % 1280;
            y[k] = (k * 91) % 720;
            memory[k] = new EntityMemory();
        }
    }

    /** Points the cursor at entity {@code index}. */
    void at(int index) {
        i = index;
        position.set(x[index], y[index]);
        velocity.set(vx[index], vy[index]);
    }

    @Override
    public int id() {
        return i;
    }

    @Override
    public Vector2fc position() {
        return position;
    }

    @Override
    public Vector2fc velocity() {
        return velocity;
    }

    @Override
    public float health() {
        return 1f;
    }

    @Override
    public void setVelocity(float newVx, float newVy) {
        vx[i] = newVx;
        vy[i] = newVy;
    }

    @Override
    public void fire(float dirX, float dirY) {
        // no projectiles here
    }

    @Override
    public Memory memory() {
        return this;
    }

    @Override
    public int getInt(String key, int fallback) {
        EntityMemory m = memory[i];
        int k = m.indexOf(key);
        return k >= 0 && m.type(k) == EntityMemory.INT ? m.rawValue(k) : fallback;
    }

    @Override
    public void putInt(String key, int value) {
        memory[i].put(key, EntityMemory.INT, value, MAX_KEYS);
    }

    @Override
    public float getFloat(String key, float fallback) {
        EntityMemory m = memory[i];
        int k = m.indexOf(key);
        return k >= 0 && m.type(k) == EntityMemory.FLOAT ? Float.intBitsToFloat(m.rawValue(k)) : fallback;
    }

    @Override
    public void putFloat(String key, float value) {
        memory[i].put(key, EntityMemory.FLOAT, Float.floatToRawIntBits(value), MAX_KEYS);
    }

    /** Something of every entity's state, for JMH to consume so that no update is dead code. */
    float sum() {
        float s = 0;
        for (int k = 0; k < vx.length; k++) {
            s += vx[k] + vy[k];
        }
        return s;
    }
}
