package dev.pitstop.bench.jmh;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.World;

/**
 * The behaviour the dispatch benchmark calls: heads for the player at a fixed speed and counts its
 * updates in memory, a typical script's amount of work. The benchmark calls this very class
 * directly and, loaded again from the same class file into generation class loaders, through a
 * generation's slots. Called on the benchmark thread.
 */
public class Tracker implements Behaviour {

    static final float SPEED = 60f;

    @Override
    public void update(Agent self, World world) {
        float dx = world.playerPosition().x() - self.position().x();
        float dy = world.playerPosition().y() - self.position().y();
        float len = (float) Math.sqrt(dx * dx + dy * dy);
        self.memory().putInt("updates", self.memory().getInt("updates", 0) + 1);
        if (len < 1e-3f) {
            self.setVelocity(SPEED, 0f);
        } else {
            self.setVelocity(dx / len * SPEED, dy / len * SPEED);
        }
    }
}
