package demo;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.Range;
import dev.pitstop.api.World;
import org.joml.Vector2fc;

/** Circles the player at a fixed radius, strafing, and fires now and then. */
public class Orbiter implements Behaviour {

    @Range(min = 60, max = 360)
    static final float RADIUS = 180f;
    static final float SPEED = 120f;
    static final float FIRE_CHANCE_PER_TICK = 0.02f;

    @Override
    public void update(Agent self, World world) {
        Vector2fc me = self.position();
        Vector2fc player = world.playerPosition();
        float dx = me.x() - player.x();
        float dy = me.y() - player.y();
        float dist = (float) Math.sqrt(dx * dx + dy * dy);
        if (dist < 1e-3f) {
            dx = 1f;
            dist = 1f;
        }
        int direction = self.memory().getInt("direction", 0);
        if (direction == 0) {
            direction = world.random() < 0.5f ? -1 : 1;
            self.memory().putInt("direction", direction);
        }
        // Tangent for the strafe, radial correction to hold the radius.
        float tx = -dy / dist * direction;
        float ty = dx / dist * direction;
        float radial = (RADIUS - dist) / RADIUS;
        self.setVelocity((tx + dx / dist * radial * 2f) * SPEED, (ty + dy / dist * radial * 2f) * SPEED);
        if (world.random() < FIRE_CHANCE_PER_TICK) {
            self.fire(-dx, -dy);
        }
        if (self.id() % 8 == 0) {
            // The ring it holds (a few orbiters draw it: hundreds of identical circles cost frames).
            world.debugCircle(player.x(), player.y(), RADIUS, 0x50A0FF);
        }
        world.debugLine(me.x(), me.y(), me.x() + tx * 24f, me.y() + ty * 24f, 0x50A0FF);
    }
}
