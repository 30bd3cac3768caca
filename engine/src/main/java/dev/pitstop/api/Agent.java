package dev.pitstop.api;

/**
 * The entity a behaviour drives, handed to {@link Behaviour#update} on the game thread. Valid only
 * during that call: one kept and used later (for another entity, in a later tick, from another
 * thread) changes nothing, and the update that used it faults.
 */
public interface Agent extends Body {

    /**
     * Sets the velocity, in world units per second, applied as given (no speed cap). At the arena's
     * bounds the entity is kept inside and the velocity component pointing out is reversed.
     */
    void setVelocity(float vx, float vy);

    /**
     * Fires a projectile from this agent in direction {@code (dirX, dirY)} (any length but zero) if
     * the agent's fire cooldown allows; otherwise does nothing.
     */
    void fire(float dirX, float dirY);

    /** This entity's memory: engine-owned, kept across ticks, reloads and snapshots. */
    Memory memory();
}
