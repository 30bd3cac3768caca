package realcode;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.World;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.joml.Vector2fc;

/**
 * Orbits the player, wider when its neighbourhood is busy. Counts neighbours with atomics, the
 * usual way to get a mutable counter into a lambda, used on one thread only; its lap counter
 * goes through an AtomicInteger too and is kept in memory.
 */
public class Counted implements Behaviour {

    static final float SPEED = 80f;
    static final float RADIUS = 150f;

    @Override
    public void update(Agent self, World world) {
        AtomicInteger near = new AtomicInteger();
        AtomicLong idSum = new AtomicLong();
        world.forEachNeighbour(self, 70f, other -> {
            near.incrementAndGet();
            idSum.addAndGet(other.id());
        });
        AtomicInteger updates = new AtomicInteger(self.memory().getInt("updates", 0));
        self.memory().putInt("updates", updates.incrementAndGet());

        Vector2fc me = self.position();
        Vector2fc player = world.playerPosition();
        float dx = me.x() - player.x();
        float dy = me.y() - player.y();
        float dist = Math.max((float) Math.sqrt(dx * dx + dy * dy), 1e-3f);
        float radius = RADIUS + 12f * Math.min(near.get(), 6);
        float sign = (idSum.get() + self.id()) % 2 == 0 ? 1f : -1f;
        float radial = (radius - dist) / radius;
        float vx = (-dy / dist * sign + dx / dist * radial) * SPEED;
        float vy = (dx / dist * sign + dy / dist * radial) * SPEED;
        self.setVelocity(vx, vy);
    }
}
