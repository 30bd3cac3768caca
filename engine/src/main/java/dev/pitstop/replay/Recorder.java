package dev.pitstop.replay;

import dev.pitstop.sim.PlayerInput;
import dev.pitstop.world.WorldState;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code --record}: keeps the world as it was at the start and every tick's input from then on,
 * unbounded, until the run stops and {@link #finish} makes the {@link Recording}. Game thread only.
 */
public final class Recorder {

    private final WorldState start;
    private PlayerInput[] inputs = new PlayerInput[1024];
    private int count;

    public Recorder(WorldState world) {
        this.start = world.copy();
    }

    public void record(PlayerInput in) {
        if (count == inputs.length) {
            inputs = Arrays.copyOf(inputs, count * 2);
        }
        inputs[count++] = in;
    }

    public Recording finish(Map<String, String> scriptHashes) {
        return new Recording(start, new InputTape(start.tick, Arrays.copyOf(inputs, count)), scriptHashes);
    }
}
