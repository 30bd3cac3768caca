package realcode;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.World;
import org.joml.Vector2fc;

/**
 * Zigzags towards the player and sidesteps when close; its constants carry the {@link Tunable}
 * annotation with their sensible ranges. The phase of the zigzag lives in memory.
 */
public class Tuned implements Behaviour {

    @Tunable(min = 10f, max = 200f)
    static final float SPEED = 85f;

    @Tunable(min = 0f, max = 3f)
    static final float ZIGZAG = 0.8f;

    @Tunable(min = 20f)
    static final float KEEP_AWAY = 90f;

    @Override
    public void update(Agent self, World world) {
        float phase = self.memory().getFloat("phase", self.id()) + world.dt() * 3f;
        self.memory().putFloat("phase", phase);
        Vector2fc me = self.position();
        Vector2fc player = world.playerPosition();
        float dx = player.x() - me.x();
        float dy = player.y() - me.y();
        float dist = Math.max((float) Math.sqrt(dx * dx + dy * dy), 1e-3f);
        float ux = dx / dist;
        float uy = dy / dist;
        float forward = dist > KEEP_AWAY ? 1f : 0f;
        float side = (float) Math.sin(phase) * ZIGZAG + (1f - forward);
        self.setVelocity((ux * forward - uy * side) * SPEED, (uy * forward + ux * side) * SPEED);
    }
}
