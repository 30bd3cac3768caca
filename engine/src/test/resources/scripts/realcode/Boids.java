package realcode;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.World;
import org.joml.Vector2f;
import org.joml.Vector2fc;

/**
 * Reynolds' boids: separation from close neighbours, alignment with their headings, cohesion
 * towards their centre, plus a weak pull towards the player; speed held between a floor and a
 * ceiling. Everything it needs from the last tick is its own velocity.
 */
public class Boids implements Behaviour {

    static final float VIEW = 90f;
    static final float PERSONAL_SPACE = 28f;
    static final float MIN_SPEED = 40f;
    static final float MAX_SPEED = 120f;
    static final float SEPARATION = 1.8f;
    static final float ALIGNMENT = 0.7f;
    static final float COHESION = 0.5f;
    static final float HOMING = 0.3f;
    static final float STEERING = 3f;

    @Override
    public void update(Agent self, World world) {
        Vector2fc me = self.position();
        Vector2f separation = new Vector2f();
        Vector2f alignment = new Vector2f();
        Vector2f centre = new Vector2f();
        int[] flock = {0};
        world.forEachNeighbour(self, VIEW, other -> {
            Vector2fc p = other.position();
            float d = me.distance(p);
            if (d < PERSONAL_SPACE && d > 1e-3f) {
                separation.add(new Vector2f(me).sub(p).div(d * d));
            }
            alignment.add(other.velocity());
            centre.add(p);
            flock[0]++;
        });

        Vector2f steer = new Vector2f();
        if (flock[0] > 0) {
            centre.div(flock[0]).sub(me);
            steer.add(limited(separation.mul(PERSONAL_SPACE), 1f).mul(SEPARATION));
            steer.add(limited(alignment, 1f).mul(ALIGNMENT));
            steer.add(limited(centre, 1f).mul(COHESION));
        }
        Vector2f home = new Vector2f(world.playerPosition()).sub(me);
        steer.add(limited(home, 1f).mul(HOMING));

        Vector2f velocity = new Vector2f(self.velocity()).add(steer.mul(MAX_SPEED * STEERING * world.dt()));
        float speed = velocity.length();
        if (speed < 1e-3f) {
            velocity.set(MIN_SPEED, 0f).rotate(self.id());
        } else if (speed < MIN_SPEED) {
            velocity.mul(MIN_SPEED / speed);
        } else if (speed > MAX_SPEED) {
            velocity.mul(MAX_SPEED / speed);
        }
        self.setVelocity(velocity.x, velocity.y);
    }

    /** {@code v} scaled down to at most {@code max} long (in place). */
    private static Vector2f limited(Vector2f v, float max) {
        float length = v.length();
        return length > max ? v.mul(max / length) : v;
    }
}
