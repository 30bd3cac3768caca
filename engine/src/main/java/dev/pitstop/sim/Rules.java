package dev.pitstop.sim;

/** The game's fixed numbers, in world units and seconds. */
final class Rules {

    static final float ENEMY_HEALTH = 3f;
    static final float ENEMY_FIRE_COOLDOWN_SECONDS = 1.0f;
    static final float ENEMY_SHOT_SPEED = 260f;
    static final float ENEMY_SHOT_LIFE_SECONDS = 3f;

    static final float PLAYER_SPEED = 240f;
    static final float PLAYER_FIRE_COOLDOWN_SECONDS = 0.12f;
    static final float PLAYER_SHOT_SPEED = 700f;
    static final float PLAYER_SHOT_LIFE_SECONDS = 1.5f;
    static final float PLAYER_SHOT_DAMAGE = 1f;
    static final float PLAYER_GRACE_SECONDS = 1.0f;

    /** New enemies appear at least this far from the player. */
    static final float SPAWN_CLEARANCE = 200f;

    /** One behaviour's updates may use this many update budgets in all in one tick. */
    static final long TICK_BUDGET_UPDATES = 20;

    /**
     * One behaviour's updates may allocate this many bytes in all in one tick (as charged to the
     * work budget), so that a script keeping what it allocates fills the heap slowly enough for the
     * heap watch to let it go first.
     */
    static final long TICK_ALLOCATION_BYTES = 16L << 20;

    /** After this many faults of one behaviour in one tick, its other entities skip the tick. */
    static final int MAX_FAULTS_PER_BEHAVIOUR_TICK = 256;

    /** {@code World.log} messages allowed per behaviour per second of game time. */
    static final int LOGS_PER_BEHAVIOUR_SECOND = 20;
    static final int MAX_LOG_CHARS = 500;

    private Rules() {
    }
}
