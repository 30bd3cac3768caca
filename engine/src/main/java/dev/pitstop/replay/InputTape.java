package dev.pitstop.replay;

import dev.pitstop.sim.PlayerInput;
import java.util.Arrays;

/**
 * Recorded player input for a run of consecutive ticks starting at {@link #firstTick()}.
 * Immutable; made on the game thread, may be written to a file.
 */
public final class InputTape {

    private final long firstTick;
    private final PlayerInput[] inputs;

    public InputTape(long firstTick, PlayerInput[] inputs) {
        this.firstTick = firstTick;
        this.inputs = inputs.clone();
    }

    public long firstTick() {
        return firstTick;
    }

    /** One past the last tick the tape covers. */
    public long endTick() {
        return firstTick + inputs.length;
    }

    public int length() {
        return inputs.length;
    }

    /** The input for {@code tick}, or standing still when the tape does not cover it. */
    public PlayerInput at(long tick) {
        long i = tick - firstTick;
        return i >= 0 && i < inputs.length ? inputs[(int) i] : PlayerInput.NONE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputTape t && t.firstTick == firstTick && Arrays.equals(t.inputs, inputs);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(firstTick) * 31 + Arrays.hashCode(inputs);
    }
}
