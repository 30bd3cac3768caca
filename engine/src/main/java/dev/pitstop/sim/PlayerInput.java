package dev.pitstop.sim;

/**
 * The player's intent for one tick: a move direction (each axis in [-1, 1]), a point to aim at in
 * world units, and whether to fire. Immutable; made on the game thread from queued window input or
 * a recording.
 */
public record PlayerInput(float moveX, float moveY, float aimX, float aimY, boolean fire) {

    /** Standing still, not firing (headless). */
    public static final PlayerInput NONE = new PlayerInput(0, 0, Float.NaN, Float.NaN, false);

    public boolean aims() {
        return !Float.isNaN(aimX) && !Float.isNaN(aimY);
    }
}
