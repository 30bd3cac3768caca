package realcode;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.Memory;
import dev.pitstop.api.World;
import java.util.EnumMap;
import java.util.Map;
import org.joml.Vector2fc;

/**
 * A finite-state machine: patrols until it sees the player, chases for a while, circles, backs
 * off, patrols again. The state (as its ordinal) and the time spent in it live in memory.
 */
public class Fsm implements Behaviour {

    enum State { PATROL, CHASE, CIRCLE, FLEE }

    static final float SIGHT = 260f;
    static final float LOST = 420f;
    static final float SAFE = 300f;

    private static final State[] STATES = State.values();
    private static final Map<State, Float> SPEED = new EnumMap<>(State.class);
    private static final Map<State, Integer> COLOUR = new EnumMap<>(State.class);

    static {
        SPEED.put(State.PATROL, 45f);
        SPEED.put(State.CHASE, 95f);
        SPEED.put(State.CIRCLE, 70f);
        SPEED.put(State.FLEE, 80f);
        COLOUR.put(State.PATROL, 0x80FF80);
        COLOUR.put(State.CHASE, 0xFF4040);
        COLOUR.put(State.CIRCLE, 0xFFC040);
        COLOUR.put(State.FLEE, 0x4080FF);
    }

    @Override
    public void update(Agent self, World world) {
        Memory memory = self.memory();
        State state = STATES[memory.getInt("state", State.PATROL.ordinal())];
        float timer = memory.getFloat("timer", 0f) + world.dt();

        Vector2fc me = self.position();
        Vector2fc player = world.playerPosition();
        float dx = player.x() - me.x();
        float dy = player.y() - me.y();
        float dist = (float) Math.sqrt(dx * dx + dy * dy);

        State next = switch (state) {
            case PATROL -> dist < SIGHT ? State.CHASE : State.PATROL;
            case CHASE -> dist > LOST ? State.PATROL : timer > 4f ? State.CIRCLE : State.CHASE;
            case CIRCLE -> timer > 3f ? State.FLEE : State.CIRCLE;
            case FLEE -> dist > SAFE || timer > 2.5f ? State.PATROL : State.FLEE;
        };
        if (next != state) {
            timer = 0f;
        }
        memory.putInt("state", next.ordinal());
        memory.putFloat("timer", timer);

        float speed = SPEED.get(next);
        float ux = dist > 1e-3f ? dx / dist : 1f;
        float uy = dist > 1e-3f ? dy / dist : 0f;
        float[] v = switch (next) {
            case PATROL -> {
                float angle = memory.getFloat("patrol", self.id() * 0.7f) + world.dt() * 0.5f;
                memory.putFloat("patrol", angle);
                yield new float[] {(float) Math.cos(angle) * speed, (float) Math.sin(angle) * speed};
            }
            case CHASE -> new float[] {ux * speed, uy * speed};
            case CIRCLE -> new float[] {-uy * speed, ux * speed};
            case FLEE -> new float[] {-ux * speed, -uy * speed};
        };
        self.setVelocity(v[0], v[1]);
        world.debugCircle(me.x(), me.y(), 10f, COLOUR.getOrDefault(next, 0xFFFFFF));
    }
}
