package demo;

import org.joml.Vector2fc;

/** Small steering helpers shared by the demo behaviours. Edit a tuning here and every user swaps. */
public final class Steering {

    /** How far ahead a sniper leads its target, as a fraction of the shot's flight time. */
    public static final float LEAD = 1.0f;

    /** The speed of enemy shots, in world units per second (the engine's rule, for aiming). */
    public static final float SHOT_SPEED = 260f;

    private Steering() {
    }

    public static float distance(Vector2fc a, Vector2fc b) {
        float dx = b.x() - a.x();
        float dy = b.y() - a.y();
        return (float) Math.sqrt(dx * dx + dy * dy);
    }

    /** A velocity of length {@code speed} from {@code from} towards {@code to} (zero if they meet). */
    public static float[] towards(Vector2fc from, Vector2fc to, float speed) {
        float dx = to.x() - from.x();
        float dy = to.y() - from.y();
        float len = (float) Math.sqrt(dx * dx + dy * dy);
        if (len < 1e-3f) {
            return new float[] {0f, 0f};
        }
        return new float[] {dx / len * speed, dy / len * speed};
    }
}
