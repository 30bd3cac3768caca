package dev.pitstop.replay;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.world.Checksum;
import dev.pitstop.world.WorldState;

/**
 * Looped live editing (Handmade Hero's, for Java): mark a start (a snapshot of the world in
 * memory), mark an end, and from then on the world goes back to the start whenever it reaches the
 * end, and the input recorded in between plays again, with whatever scripts are live now. Each
 * completed pass writes a {@code loop} event with its checksum: with the same scripts every pass
 * ends the same. Game thread only.
 */
public final class LoopEditor {

    /** Where the loop stands. */
    public enum State { OFF, MARKED, LOOPING }

    private final EventSink events;
    private State state = State.OFF;
    private WorldState start;
    private InputTape tape;
    private int iteration;

    public LoopEditor(EventSink events) {
        this.events = events;
    }

    public State state() {
        return state;
    }

    /** The pass now playing, from 1 (0 when not looping). */
    public int iteration() {
        return state == State.LOOPING ? iteration : 0;
    }

    /** The tick the loop starts at (while looping). */
    public long firstTick() {
        return tape == null ? 0 : tape.firstTick();
    }

    /** The loop's length in ticks (while looping), 0 otherwise. */
    public long length() {
        return state == State.LOOPING ? tape.length() : 0;
    }

    /** F6 or {@code loop-start}: remember the world as the loop's start. */
    public void markStart(WorldState world) {
        start = world.copy();
        tape = null;
        state = State.MARKED;
        events.emit(Event.of("loop-marked", world.tick).with("startTick", world.tick));
    }

    /**
     * F6 again or {@code loop-end}: the loop ends here; returns the world to continue with (the
     * start again), or null with an error event if there is nothing to loop.
     */
    public WorldState markEnd(WorldState world, InputLog inputs) {
        if (state != State.MARKED) {
            error(world, state == State.LOOPING ? "already looping; loop-off leaves the loop"
                    : "loop-end before loop-start");
            return null;
        }
        if (world.tick <= start.tick) {
            error(world, "the loop is empty: let some ticks run between loop-start and loop-end");
            return null;
        }
        InputTape recorded = inputs.tape(start.tick, world.tick);
        if (recorded == null) {
            error(world, "the input of this loop is no longer recorded (at most " + inputs.capacity() + " ticks)");
            state = State.OFF;
            return null;
        }
        tape = recorded;
        state = State.LOOPING;
        iteration = 1;
        events.emit(Event.of("loop-closed", world.tick).with("startTick", start.tick).with("endTick", world.tick));
        return start.copy();
    }

    /** F6 a third time or {@code loop-off}: leave the loop; the world goes on from where it is. */
    public void off(WorldState world) {
        state = State.OFF;
        start = null;
        tape = null;
        events.emit(Event.of("loop-off", world.tick));
    }

    /** The input for the coming tick: the recorded one while looping, else the live one. */
    public PlayerInput inputFor(long tick, PlayerInput live) {
        return state == State.LOOPING ? tape.at(tick) : live;
    }

    /**
     * After each tick: at the loop's end, reports the pass and returns the world to go on with (the
     * start again); otherwise null.
     */
    public WorldState afterTick(WorldState world) {
        if (state != State.LOOPING || world.tick < tape.endTick()) {
            return null;
        }
        events.emit(Event.of("loop", world.tick).with("iteration", iteration)
                .with("checksum", Checksum.hex(Checksum.of(world))));
        iteration++;
        return start.copy();
    }

    private void error(WorldState world, String message) {
        events.emit(Event.of("error", world.tick).with("message", message));
    }
}
