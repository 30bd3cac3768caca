package dev.pitstop.sim;

import dev.pitstop.world.Entities;
import org.joml.Vector2f;
import org.joml.Vector2fc;

/**
 * The entity side of the update in progress, behind the {@link dev.pitstop.api.Agent} scripts are
 * handed ({@link UpdateView}, which checks it is still valid first): one reusable object that
 * points at the entity being updated. Reads come from the world's arrays; what the script asks for
 * (velocity, a shot, memory writes) is held here and applied by {@link #commit} only if the update
 * returns normally. Vectors handed out are fresh copies, so a script cannot reach the world's
 * storage through them. Never handed to scripts. Game thread (or a shadow run's thread) only.
 */
final class AgentView {

    private final MemoryJournal memory = new MemoryJournal();
    private Entities entities;
    private int index = -1;
    private boolean velocitySet;
    private float newVx, newVy;
    private boolean fired;
    private float fireX, fireY;

    void begin(Entities e, int i) {
        entities = e;
        index = i;
        velocitySet = false;
        fired = false;
        memory.begin(e.memory[i]);
    }

    /** Applies the update's effects to the entity; returns whether it fired. */
    boolean commit() {
        int i = index;
        if (velocitySet) {
            entities.vx[i] = newVx;
            entities.vy[i] = newVy;
        }
        memory.commit();
        index = -1;
        return fired;
    }

    void discard() {
        memory.discard();
        index = -1;
        fired = false;
    }

    float fireX() {
        return fireX;
    }

    float fireY() {
        return fireY;
    }

    int index() {
        return index;
    }

    int id() {
        return entities.id[live()];
    }

    Vector2fc position() {
        int i = live();
        return new Vector2f(entities.x[i], entities.y[i]);
    }

    Vector2fc velocity() {
        int i = live();
        return velocitySet ? new Vector2f(newVx, newVy) : new Vector2f(entities.vx[i], entities.vy[i]);
    }

    float health() {
        return entities.health[live()];
    }

    void setVelocity(float vx, float vy) {
        live();
        if (!Float.isFinite(vx) || !Float.isFinite(vy)) {
            throw new IllegalArgumentException("setVelocity(" + vx + ", " + vy + "): not a finite velocity");
        }
        velocitySet = true;
        newVx = vx;
        newVy = vy;
    }

    void fire(float dirX, float dirY) {
        int i = live();
        if (fired || entities.cooldown[i] > 0f) {
            return;
        }
        float len = (float) Math.sqrt(dirX * dirX + dirY * dirY);
        if (!(len > 0f) || !Float.isFinite(len)) {
            return;
        }
        fired = true;
        fireX = dirX / len;
        fireY = dirY / len;
    }

    /** The entity's memory journal, for this update. */
    MemoryJournal journal() {
        live();
        return memory;
    }

    private int live() {
        if (index < 0) {
            throw new IllegalStateException("Agent used outside Behaviour.update");
        }
        return index;
    }
}
