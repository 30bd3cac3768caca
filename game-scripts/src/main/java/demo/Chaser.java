package demo;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.Range;
import dev.pitstop.api.World;

/** Runs straight at the player, a little faster the longer it has been chasing. */
public class Chaser implements Behaviour {

    @Range(min = 0, max = 300)
    static final float SPEED = 90f;
    static final float SPEED_GAIN_PER_SECOND = 2f;
    static final float MAX_SPEED = 150f;

    @Override
    public void update(Agent self, World world) {
        float chased = self.memory().getFloat("chasedSeconds", 0f) + world.dt();
        self.memory().putFloat("chasedSeconds", chased);
        float speed = Math.min(MAX_SPEED, SPEED + chased * SPEED_GAIN_PER_SECOND);
        float[] v = Steering.towards(self.position(), world.playerPosition(), speed);
        self.setVelocity(v[0], v[1]);
        world.debugLine(self.position().x(), self.position().y(),
                world.playerPosition().x(), world.playerPosition().y(), 0xFF5050);
    }
}
