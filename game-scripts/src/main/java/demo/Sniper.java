package demo;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.World;
import org.joml.Vector2fc;

/** Keeps its distance and fires where the player will be, not where it is. */
public class Sniper implements Behaviour {

    static final float PREFERRED_RANGE = 360f;
    static final float SPEED = 70f;

    @Override
    public void update(Agent self, World world) {
        Vector2fc me = self.position();
        Vector2fc player = world.playerPosition();
        float dist = Steering.distance(me, player);
        float[] v = Steering.towards(me, player, SPEED);
        if (dist < PREFERRED_RANGE - 40f) {
            self.setVelocity(-v[0], -v[1]);
        } else if (dist > PREFERRED_RANGE + 40f) {
            self.setVelocity(v[0], v[1]);
        } else {
            self.setVelocity(0f, 0f);
        }
        float flight = dist / Steering.SHOT_SPEED * Steering.LEAD;
        float aimX = player.x() + world.playerVelocity().x() * flight;
        float aimY = player.y() + world.playerVelocity().y() * flight;
        self.fire(aimX - me.x(), aimY - me.y());
        world.debugLine(me.x(), me.y(), aimX, aimY, 0xFFD040);
    }
}
