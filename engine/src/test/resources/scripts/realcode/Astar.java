package realcode;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.Memory;
import dev.pitstop.api.World;
import java.util.List;
import org.joml.Vector2fc;

/**
 * Finds its way to the player around the arena's walls on a coarse grid (A*), heading for the next
 * cell of the path; near the player it circles. The plan (the next cell and when it was made) is
 * kept in memory and made again every few ticks or when the cell is reached.
 */
public class Astar implements Behaviour {

    static final float SPEED = 70f;
    static final int REPLAN_TICKS = 12;
    static final float CLOSE = 60f;

    /** The arena as 32 x 18 cells; '#' is a wall. The player's cell in the middle is open. */
    static final String[] MAP = {
        "................................",
        "................................",
        "...####..............####.......",
        "......#..............#..........",
        "......#..............#..........",
        "................................",
        "..........##########............",
        "................................",
        "....#......................#....",
        "....#......................#....",
        "....#......................#....",
        "................................",
        "..........##########............",
        "................................",
        "......#..............#..........",
        "......#..............#..........",
        "...####..............####.......",
        "................................",
    };

    static final GridPathfinder GRID = GridPathfinder.fromMap(MAP);

    @Override
    public void update(Agent self, World world) {
        float cellW = world.arenaWidth() / GRID.columns();
        float cellH = world.arenaHeight() / GRID.rows();
        Vector2fc me = self.position();
        Vector2fc player = world.playerPosition();
        double toPlayer = Math.hypot(player.x() - me.x(), player.y() - me.y());
        if (toPlayer < CLOSE) {
            circle(self, me, player, toPlayer);
            return;
        }

        Memory memory = self.memory();
        int next = memory.getInt("nextCell", -1);
        int plannedAt = memory.getInt("plannedAt", Integer.MIN_VALUE);
        boolean arrived = next >= 0
                && Math.hypot(centreX(next, cellW) - me.x(), centreY(next, cellH) - me.y()) < cellW * 0.25;
        if (next < 0 || arrived || world.tick() - plannedAt >= REPLAN_TICKS) {
            int start = cellAt(me.x(), me.y(), cellW, cellH);
            int goal = cellAt(player.x(), player.y(), cellW, cellH);
            List<Integer> path = GRID.findPath(start, goal);
            next = path.size() > 1 ? path.get(1) : -1;
            memory.putInt("nextCell", next);
            memory.putInt("plannedAt", (int) world.tick());
            memory.putInt("pathCells", path.size());
        }

        float tx = next >= 0 ? centreX(next, cellW) : player.x();
        float ty = next >= 0 ? centreY(next, cellH) : player.y();
        double dist = Math.hypot(tx - me.x(), ty - me.y());
        if (dist < 1e-3) {
            circle(self, me, player, toPlayer);
            return;
        }
        self.setVelocity((float) ((tx - me.x()) / dist * SPEED), (float) ((ty - me.y()) / dist * SPEED));
        world.debugLine(me.x(), me.y(), tx, ty, 0x60C0FF);
    }

    private static void circle(Agent self, Vector2fc me, Vector2fc player, double dist) {
        if (dist < 1e-3) {
            self.setVelocity(SPEED, 0f);
            return;
        }
        float nx = (float) ((me.x() - player.x()) / dist);
        float ny = (float) ((me.y() - player.y()) / dist);
        self.setVelocity(-ny * SPEED, nx * SPEED);
    }

    private static int cellAt(float x, float y, float cellW, float cellH) {
        int col = Math.max(0, Math.min(GRID.columns() - 1, (int) (x / cellW)));
        int row = Math.max(0, Math.min(GRID.rows() - 1, (int) (y / cellH)));
        return GRID.cell(col, row);
    }

    private static float centreX(int cell, float cellW) {
        return (cell % GRID.columns() + 0.5f) * cellW;
    }

    private static float centreY(int cell, float cellH) {
        return (cell / GRID.columns() + 0.5f) * cellH;
    }
}
