package dev.pitstop.sim;

import dev.pitstop.api.Body;
import dev.pitstop.api.World;
import dev.pitstop.world.Entities;
import dev.pitstop.world.Grid;
import dev.pitstop.world.WorldState;
import java.util.function.Consumer;
import org.joml.Vector2f;
import org.joml.Vector2fc;

/**
 * The world side of the update in progress, behind the {@link World} scripts are handed
 * ({@link UpdateView}, which checks it is still valid first): reads of the world, the world's
 * random source, neighbour queries on the grid, logging and debug drawing. One per world; never
 * handed to scripts. Game thread (or a shadow run's thread) only.
 */
final class WorldView {

    private final WorldState world;
    private final Grid grid;
    private final DebugDraw debug;
    private final ScriptLog log;

    WorldView(WorldState world, Grid grid, DebugDraw debug, ScriptLog log) {
        this.world = world;
        this.grid = grid;
        this.debug = debug;
        this.log = log;
    }

    long tick() {
        return world.tick;
    }

    float dt() {
        return world.dtSeconds();
    }

    Vector2fc playerPosition() {
        return new Vector2f(world.player.x, world.player.y);
    }

    Vector2fc playerVelocity() {
        return new Vector2f(world.player.vx, world.player.vy);
    }

    float arenaWidth() {
        return world.width;
    }

    float arenaHeight() {
        return world.height;
    }

    float random() {
        return world.rng.nextFloat();
    }

    /** {@link World#forEachNeighbour}; the bodies visited are valid only while {@code handed} is. */
    void forEachNeighbour(Body self, float radius, Consumer<Body> visitor, UpdateView handed) {
        if (self == null || visitor == null) {
            throw new NullPointerException("forEachNeighbour needs a body and a visitor");
        }
        if (!(radius > 0f)) {
            return;
        }
        Vector2fc p = self.position();
        float cx = p.x();
        float cy = p.y();
        int selfId = self.id();
        float r2 = radius * radius;
        Entities e = world.entities;
        int c0 = grid.column(cx - radius);
        int c1 = grid.column(cx + radius);
        int r0 = grid.row(cy - radius);
        int r1 = grid.row(cy + radius);
        int cc = grid.column(cx);
        int rc = grid.row(cy);
        int rings = Math.max(Math.max(cc - c0, c1 - cc), Math.max(rc - r0, r1 - rc));
        int[] items = grid.items();
        int[] ids = grid.ids();
        float[] xs = grid.xs();
        float[] ys = grid.ys();
        int visited = 0;
        // Cells ring by ring outwards from the body's own, so that in a crowd the cap is reached
        // with the nearest neighbours after scanning few cells.
        for (int ring = 0; ring <= rings; ring++) {
            for (int row = Math.max(r0, rc - ring); row <= Math.min(r1, rc + ring); row++) {
                boolean edgeRow = row == rc - ring || row == rc + ring;
                int step = edgeRow ? 1 : 2 * ring;
                for (int col = cc - ring; col <= cc + ring; col += Math.max(step, 1)) {
                    if (col < c0 || col > c1) {
                        continue;
                    }
                    int end = grid.cellEnd(col, row);
                    for (int k = grid.cellBegin(col, row); k < end; k++) {
                        if (ids[k] == selfId) {
                            continue;
                        }
                        float dx = xs[k] - cx;
                        float dy = ys[k] - cy;
                        if (dx * dx + dy * dy <= r2) {
                            visitor.accept(new NeighbourView(e, items[k], handed));
                            if (++visited >= World.MAX_NEIGHBOURS) {
                                return;
                            }
                        }
                    }
                }
            }
        }
    }

    void log(String message) {
        log.log(String.valueOf(message));
    }

    void debugLine(float x1, float y1, float x2, float y2, int rgb) {
        debug.line(x1, y1, x2, y2, rgb);
    }

    void debugCircle(float x, float y, float radius, int rgb) {
        debug.circle(x, y, radius, rgb);
    }
}
