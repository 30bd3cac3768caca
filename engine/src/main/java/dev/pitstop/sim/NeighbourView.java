package dev.pitstop.sim;

import dev.pitstop.api.Body;
import dev.pitstop.world.Entities;
import org.joml.Vector2f;
import org.joml.Vector2fc;

/**
 * A read-only {@link Body} for one neighbour, made per visit so that a script may keep it for the
 * rest of its update, and valid exactly as long as the views of that update are: kept beyond it,
 * its use is refused like theirs (see {@link CurrentUpdate}). It holds the update's view rather than
 * a stamp of its own, so it costs no more memory than before the check. Game thread (or a shadow
 * run's thread) only.
 */
final class NeighbourView implements Body {

    private final Entities entities;
    private final int index;
    private final UpdateView handed;

    NeighbourView(Entities entities, int index, UpdateView handed) {
        this.entities = entities;
        this.index = index;
        this.handed = handed;
    }

    private int live() {
        if (!handed.valid()) {
            handed.refuse("Body (from World.forEachNeighbour)");
        }
        return index;
    }

    @Override
    public int id() {
        return entities.id[live()];
    }

    @Override
    public Vector2fc position() {
        int i = live();
        return new Vector2f(entities.x[i], entities.y[i]);
    }

    @Override
    public Vector2fc velocity() {
        int i = live();
        return new Vector2f(entities.vx[i], entities.vy[i]);
    }

    @Override
    public float health() {
        return entities.health[live()];
    }

    @Override
    public String toString() {
        return "Body#" + id();
    }
}
