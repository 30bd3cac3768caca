package dev.pitstop.render;

import dev.pitstop.world.Entities;
import dev.pitstop.world.Player;
import dev.pitstop.world.Projectiles;
import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.nio.FloatBuffer;

/**
 * Packs everything that moves (enemies, shots, the player) into one buffer of instances for a
 * single instanced draw, positions blended between the last two ticks by the interpolation alpha.
 * Per instance, {@link #FLOATS_PER_INSTANCE} floats: x, y (world units), radius (world units),
 * angle (radians), shape ({@link Palette} code), red, green, blue, alpha (0..1). Enemies first,
 * then shots, then the player on top. Allocates only when the world's slot table changes. Game
 * thread only.
 */
public final class InstancePacker {

    public static final int FLOATS_PER_INSTANCE = 9;
    /** Shots are tiny; drawn a little larger than they hit so they stay visible. */
    static final float SHOT_DRAW_RADIUS = Projectiles.RADIUS * 1.4f;

    private SlotTable slots;
    private int[] slotColour = new int[0];
    private float[] slotShape = new float[0];

    /**
     * Writes instances from {@code out}'s position on, as many as fit.
     *
     * @param alpha 0 draws the previous tick's positions, 1 the current tick's
     * @return how many instances were written
     */
    public int pack(WorldState w, float alpha, FloatBuffer out) {
        refreshSlots(w.slots);
        int written = 0;
        Entities e = w.entities;
        for (int i = 0; i < e.count && out.remaining() >= FLOATS_PER_INSTANCE; i++) {
            int s = e.slot[i];
            int rgb = s < slotColour.length ? slotColour[s] : Palette.PLAYER_DOWN;
            float shape = s < slotShape.length ? slotShape[s] : Palette.SHAPE_CIRCLE;
            float angle = e.vx[i] == 0f && e.vy[i] == 0f ? 0f : (float) Math.atan2(e.vy[i], e.vx[i]);
            put(out, lerp(e.prevX[i], e.x[i], alpha), lerp(e.prevY[i], e.y[i], alpha), Entities.RADIUS, angle,
                    shape, rgb, 1f);
            written++;
        }
        Projectiles p = w.projectiles;
        for (int i = 0; i < p.count && out.remaining() >= FLOATS_PER_INSTANCE; i++) {
            int rgb = p.owner[i] == Projectiles.FROM_PLAYER ? Palette.PLAYER_SHOT : Palette.ENEMY_SHOT;
            put(out, lerp(p.prevX[i], p.x[i], alpha), lerp(p.prevY[i], p.y[i], alpha), SHOT_DRAW_RADIUS, 0f,
                    Palette.SHAPE_SHOT, rgb, 1f);
            written++;
        }
        if (out.remaining() >= FLOATS_PER_INSTANCE) {
            Player pl = w.player;
            boolean down = pl.health <= 0f;
            // Blink while the grace period after a hit lasts: on for 0.1 s, dimmed for 0.1 s.
            boolean dim = !down && pl.invulnerableSeconds > 0f && ((int) (pl.invulnerableSeconds * 10f) & 1) == 1;
            put(out, lerp(pl.prevX, pl.x, alpha), lerp(pl.prevY, pl.y, alpha), Player.RADIUS,
                    (float) Math.atan2(pl.aimY, pl.aimX), Palette.SHAPE_SHIP, down ? Palette.PLAYER_DOWN : Palette.PLAYER,
                    dim ? 0.35f : 1f);
            written++;
        }
        return written;
    }

    private void refreshSlots(SlotTable table) {
        if (table == slots) {
            return;
        }
        slots = table;
        slotColour = new int[table.size()];
        slotShape = new float[table.size()];
        for (int s = 0; s < table.size(); s++) {
            slotColour[s] = Palette.colourOf(table.name(s));
            slotShape[s] = Palette.shapeOf(table.name(s));
        }
    }

    private static float lerp(float from, float to, float alpha) {
        return from + (to - from) * alpha;
    }

    private static void put(FloatBuffer out, float x, float y, float radius, float angle, float shape, int rgb,
            float alpha) {
        out.put(x).put(y).put(radius).put(angle).put(shape)
                .put(((rgb >> 16) & 0xFF) / 255f).put(((rgb >> 8) & 0xFF) / 255f).put((rgb & 0xFF) / 255f).put(alpha);
    }
}
