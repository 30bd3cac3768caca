package dev.pitstop.api;

import org.joml.Vector2fc;

/**
 * A read-only view of any entity. Called on the game thread during {@link Behaviour#update}.
 *
 * <p>The vectors returned are copies: writing to them (even after casting to
 * {@code org.joml.Vector2f}) changes nothing in the world.
 */
public interface Body {

    /** The entity's id: unique in a world, never reused, kept across reloads and snapshots. */
    int id();

    /** Position in world units; the arena spans {@code [0, arenaWidth] x [0, arenaHeight]}. */
    Vector2fc position();

    /** Velocity in world units per second. */
    Vector2fc velocity();

    /** Health; an enemy whose health reaches zero is removed. */
    float health();
}
