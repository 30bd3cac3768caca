package demo;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.World;
import org.joml.Vector2f;
import org.joml.Vector2fc;

/** Flocks with its neighbours (separation, alignment, cohesion) and drifts towards the player. */
public class Swarm implements Behaviour {

    static final float VIEW = 40f;
    static final float SPEED = 110f;
    static final float SEPARATION = 1.6f;
    static final float ALIGNMENT = 0.6f;
    static final float COHESION = 0.4f;
    static final float HOMING = 0.5f;

    @Override
    public void update(Agent self, World world) {
        Vector2fc me = self.position();
        Vector2f separation = new Vector2f();
        Vector2f heading = new Vector2f();
        Vector2f centre = new Vector2f();
        int[] seen = {0};
        world.forEachNeighbour(self, VIEW, other -> {
            Vector2fc p = other.position();
            float dx = me.x() - p.x();
            float dy = me.y() - p.y();
            float d2 = Math.max(dx * dx + dy * dy, 1f);
            separation.add(dx / d2 * VIEW, dy / d2 * VIEW);
            heading.add(other.velocity());
            centre.add(p);
            seen[0]++;
        });
        Vector2f steer = new Vector2f();
        if (seen[0] > 0) {
            centre.div(seen[0]).sub(me);
            if (heading.lengthSquared() > 0f) {
                heading.normalize();
            }
            if (centre.lengthSquared() > 0f) {
                centre.normalize();
            }
            steer.add(separation.mul(SEPARATION)).add(heading.mul(ALIGNMENT)).add(centre.mul(COHESION));
        }
        Vector2f home = new Vector2f(world.playerPosition()).sub(me);
        if (home.lengthSquared() > 0f) {
            steer.add(home.normalize().mul(HOMING));
        }
        Vector2f v = new Vector2f(self.velocity()).add(steer.mul(SPEED * world.dt() * 4f));
        if (v.lengthSquared() > SPEED * SPEED) {
            v.normalize(SPEED);
        }
        self.setVelocity(v.x, v.y);
    }
}
