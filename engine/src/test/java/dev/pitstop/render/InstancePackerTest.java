package dev.pitstop.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pitstop.world.Entities;
import dev.pitstop.world.Player;
import dev.pitstop.world.Projectiles;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstancePackerTest {

    static final int N = InstancePacker.FLOATS_PER_INSTANCE;

    static WorldState world() {
        WorldState w = new WorldState(60, 1, 1280, 720);
        w.slots = SlotTable.of(List.of("Swarm", "Chaser", "Mystery"));
        w.entities.add(1, 1, 100, 200, 3);
        w.entities.prevX[0] = 90;
        w.entities.prevY[0] = 220;
        w.entities.vx[0] = 0;
        w.entities.vy[0] = 5;
        w.entities.add(2, 0, 300, 300, 3);
        w.entities.add(3, 2, 400, 400, 3);
        w.projectiles.add(Projectiles.FROM_ENEMY, 10, 20, 1, 0, 1);
        w.projectiles.prevX[0] = 0;
        w.player.prevX = 600;
        w.player.x = 640;
        w.player.aimX = 0;
        w.player.aimY = -1;
        return w;
    }

    static int rgb(FloatBuffer b, int instance) {
        int o = instance * N;
        return Math.round(b.get(o + 5) * 255) << 16 | Math.round(b.get(o + 6) * 255) << 8 | Math.round(b.get(o + 7) * 255);
    }

    @Test
    void enemiesThenShotsThenPlayerBlendedByAlpha() {
        FloatBuffer out = FloatBuffer.allocate(100 * N);
        int n = new InstancePacker().pack(world(), 0.5f, out);
        assertEquals(5, n);
        assertEquals(5 * N, out.position());

        assertEquals(95f, out.get(0), 1e-4, "halfway from prevX 90 to x 100");
        assertEquals(210f, out.get(1), 1e-4);
        assertEquals(Entities.RADIUS, out.get(2));
        assertEquals((float) Math.atan2(5, 0), out.get(3), 1e-6, "turned along its velocity");
        assertEquals(Palette.SHAPE_TRIANGLE, out.get(4));
        assertEquals(Palette.CHASER, rgb(out, 0));
        assertEquals(1f, out.get(8));

        assertEquals(Palette.SWARM, rgb(out, 1));
        assertEquals(Palette.colourOf("Mystery"), rgb(out, 2));

        assertEquals(5f, out.get(3 * N), 1e-4, "a shot is blended too");
        assertEquals(Palette.SHAPE_SHOT, out.get(3 * N + 4));
        assertEquals(Palette.ENEMY_SHOT, rgb(out, 3));

        assertEquals(620f, out.get(4 * N), 1e-4);
        assertEquals(Player.RADIUS, out.get(4 * N + 2));
        assertEquals((float) Math.atan2(-1, 0), out.get(4 * N + 3), 1e-6, "the ship points where it aims");
        assertEquals(Palette.SHAPE_SHIP, out.get(4 * N + 4));
        assertEquals(Palette.PLAYER, rgb(out, 4));
    }

    @Test
    void alphaOneDrawsTheLatestTick() {
        FloatBuffer out = FloatBuffer.allocate(100 * N);
        new InstancePacker().pack(world(), 1f, out);
        assertEquals(100f, out.get(0));
        assertEquals(200f, out.get(1));
        assertEquals(640f, out.get(4 * N));
    }

    @Test
    void aDownedPlayerIsGrey() {
        WorldState w = world();
        w.player.health = 0;
        FloatBuffer out = FloatBuffer.allocate(100 * N);
        new InstancePacker().pack(w, 0f, out);
        assertEquals(Palette.PLAYER_DOWN, rgb(out, 4));
    }

    @Test
    void stopsWhenTheBufferIsFull() {
        FloatBuffer out = FloatBuffer.allocate(2 * N + 3);
        assertEquals(2, new InstancePacker().pack(world(), 0f, out));
        assertEquals(2 * N, out.position());
    }

    @Test
    void followsAGrowingSlotTable() {
        InstancePacker packer = new InstancePacker();
        WorldState w = world();
        packer.pack(w, 0f, FloatBuffer.allocate(100 * N));
        w.slots = w.slots.withAdded(List.of("Sniper"));
        w.entities.add(4, 3, 1, 1, 3);
        FloatBuffer out = FloatBuffer.allocate(100 * N);
        packer.pack(w, 0f, out);
        assertEquals(Palette.SNIPER, rgb(out, 3));
        assertEquals(Palette.SHAPE_DIAMOND, out.get(3 * N + 4));
    }
}
