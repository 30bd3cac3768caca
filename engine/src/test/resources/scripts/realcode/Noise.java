package realcode;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.Memory;
import dev.pitstop.api.World;
import org.joml.Vector2fc;

/**
 * Wanders: its heading follows gradient noise over time, its speed value noise, each entity on
 * its own track of the noise field. Near a wall it turns back towards the middle. Its clock is
 * kept in memory.
 */
public class Noise implements Behaviour {

    static final float SPEED = 60f;
    static final float TURNS_PER_SECOND = 0.3f;
    static final float MARGIN = 60f;

    @Override
    public void update(Agent self, World world) {
        Memory memory = self.memory();
        float t = memory.getFloat("clock", self.id() * 13.37f) + world.dt();
        memory.putFloat("clock", t);

        float heading = PerlinNoise.fractal(t * TURNS_PER_SECOND, self.id() * 0.618f, 3) * (float) Math.PI * 2f;
        float speed = SPEED * (0.6f + 0.4f * PerlinNoise.value(t * 0.5f + self.id()));
        float vx = (float) Math.cos(heading) * speed;
        float vy = (float) Math.sin(heading) * speed;

        Vector2fc me = self.position();
        if (me.x() < MARGIN && vx < 0f || me.x() > world.arenaWidth() - MARGIN && vx > 0f) {
            vx = -vx;
        }
        if (me.y() < MARGIN && vy < 0f || me.y() > world.arenaHeight() - MARGIN && vy > 0f) {
            vy = -vy;
        }
        self.setVelocity(vx, vy);
    }
}
