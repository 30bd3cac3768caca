package dev.pitstop.api;

import java.util.function.Consumer;
import org.joml.Vector2fc;

/**
 * What a behaviour sees of the world, handed to {@link Behaviour#update} on the game thread. Valid
 * only during that call: one kept and used later changes nothing, and the update that used it
 * faults.
 */
public interface World {

    /** Ticks completed before this one. */
    long tick();

    /** The fixed step, in seconds. */
    float dt();

    Vector2fc playerPosition();

    Vector2fc playerVelocity();

    /** The arena spans {@code [0, arenaWidth] x [0, arenaHeight]}. */
    float arenaWidth();

    float arenaHeight();

    /** A number in [0, 1) from the world's seeded random source, the only one a script may use. */
    float random();

    /**
     * Visits the other entities within {@code radius} of {@code self}'s position (self excluded),
     * at most {@value #MAX_NEIGHBOURS} of them, so that a crowd cannot make a tick quadratic. The
     * bodies handed to {@code visitor} are read-only views, valid for the rest of this update.
     */
    void forEachNeighbour(Body self, float radius, Consumer<Body> visitor);

    /** How many bodies one {@link #forEachNeighbour} call visits at most. */
    int MAX_NEIGHBOURS = 64;

    /** Writes {@code message} to the event log and the HUD; rate-limited per behaviour. */
    void log(String message);

    /** A line drawn over the scene for this tick only, in the window; headless, dropped. */
    void debugLine(float x1, float y1, float x2, float y2, int rgb);

    /** A circle outline drawn over the scene for this tick only, in the window; headless, dropped. */
    void debugCircle(float x, float y, float radius, int rgb);
}
