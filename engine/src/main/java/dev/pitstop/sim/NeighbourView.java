package dev.pitstop.sim;

import dev.pitstop.api.Body;
import dev.pitstop.world.Entities;
import org.joml.Vector2f;
import org.joml.Vector2fc;

/**
 * A read-only {@link Body} for one neighbour, made per visit so that a script may keep it for the
 * rest of its update. Game thread (or a shadow run's thread) only.
 */
final class NeighbourView implements Body {

    private final Entities entities;
    private final int index;

    NeighbourView(Entities entities, int index) {
        this.entities = entities;
        this.index = index;
    }

    @Override
    public int id() {
        return entities.id[index];
    }

    @Override
    public Vector2fc position() {
        return new Vector2f(entities.x[index], entities.y[index]);
    }

    @Override
    public Vector2fc velocity() {
        return new Vector2f(entities.vx[index], entities.vy[index]);
    }

    @Override
    public float health() {
        return entities.health[index];
    }

    @Override
    public String toString() {
        return "Body#" + id();
    }
}
