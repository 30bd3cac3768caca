package dev.pitstop.testing;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.World;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.sim.FreshWorld;
import dev.pitstop.sim.Simulation;
import dev.pitstop.world.SlotTable;
import java.util.Map;
import org.joml.Vector2fc;

/** Worlds and behaviours written in Java for tests that need no compiler. */
public final class TestWorlds {

    private TestWorlds() {
    }

    /** Wanders using the random source, remembers, fires at the player, looks at neighbours. */
    public static final class Busy implements Behaviour {
        @Override
        public void update(Agent self, World world) {
            int n = self.memory().getInt("n", 0) + 1;
            self.memory().putInt("n", n);
            float heading = self.memory().getFloat("heading", world.random() * 6.2831855f);
            heading += (world.random() - 0.5f) * 0.3f;
            self.memory().putFloat("heading", heading);
            float[] crowd = {0};
            world.forEachNeighbour(self, 40f, b -> crowd[0] += 1f);
            float speed = 60f + crowd[0];
            self.setVelocity((float) Math.cos(heading) * speed, (float) Math.sin(heading) * speed);
            if (n % 50 == 0) {
                Vector2fc p = world.playerPosition();
                self.fire(p.x() - self.position().x(), p.y() - self.position().y());
            }
        }
    }

    /** Moves right at 10 units per second. */
    public static final class Right implements Behaviour {
        @Override
        public void update(Agent self, World world) {
            self.setVelocity(10f, 0f);
        }
    }

    public static ScriptTable table(int generation, Map<String, Behaviour> behaviours, SlotTable slots) {
        return new ScriptTable(generation, behaviours, ScriptLocator.NONE, slots);
    }

    /** A headless world with the given behaviours installed as generation 1 and entities spawned. */
    public static Simulation simulation(long seed, Map<String, Behaviour> behaviours, Map<String, Integer> spawns) {
        return FreshWorld.headless(60, seed, behaviours.keySet(), behaviours, spawns, EventSink.NONE);
    }

    public static void run(Simulation sim, int ticks) {
        for (int i = 0; i < ticks; i++) {
            sim.tick(PlayerInput.NONE);
        }
    }
}
