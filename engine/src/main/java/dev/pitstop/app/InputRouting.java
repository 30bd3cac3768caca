package dev.pitstop.app;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.replay.InputLog;
import dev.pitstop.replay.InputTape;
import dev.pitstop.replay.LoopEditor;
import dev.pitstop.replay.Recorder;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.world.WorldState;
import java.util.function.Supplier;

/**
 * Where each tick's player input comes from: the window (or stdin's {@code input}), a
 * {@code --replay} tape, or a loop replaying what was played; and where it goes: the ring of the
 * last ten minutes that a loop replays, and a {@code --record}ing. Game thread.
 */
final class InputRouting {

    private final EventSink events;
    private final LoopEditor loops;
    private final InputLog inputLog = new InputLog(InputLog.TEN_MINUTES_AT_60_HZ);
    private Supplier<PlayerInput> input = () -> PlayerInput.NONE;
    private Supplier<PlayerInput> liveInput = input;
    private InputTape replay;
    private Recorder recorder;
    private Recorder frozenRecording;

    InputRouting(EventSink events, LoopEditor loops) {
        this.events = events;
        this.loops = loops;
    }

    /** The window's input (or none, headless). */
    void setLive(Supplier<PlayerInput> source) {
        input = source;
        liveInput = source;
    }

    /** stdin {@code input}: a fixed input from the next tick on. */
    void fix(PlayerInput fixed) {
        input = () -> fixed;
    }

    /** stdin {@code input off}: the window's input again. */
    void release() {
        input = liveInput;
    }

    void replay(InputTape tape) {
        replay = tape;
    }

    void startRecording(WorldState world) {
        recorder = new Recorder(world);
    }

    /** This tick's input, recorded for loops and the recording. */
    PlayerInput next(long worldTick) {
        PlayerInput in = replay != null ? replay.at(worldTick) : input.get();
        in = loops.inputFor(worldTick, in);
        inputLog.record(worldTick, in);
        if (recorder != null) {
            recorder.record(in);
        }
        return in;
    }

    /** The loop's end is marked: the world to go back to, or null; a recording stops here. */
    WorldState closeLoop(WorldState now) {
        WorldState start = loops.markEnd(now, inputLog);
        if (start != null && recorder != null) {
            events.emit(Event.of("warning", now.tick).with("message", "the recording ends here: a loop "
                    + "rewinds the world, which a recording cannot replay"));
            frozenRecording = recorder;
            recorder = null;
        }
        return start;
    }

    /** The recording to write at stop: the running one, or the one a loop cut short. */
    Recorder finishedRecorder() {
        return recorder != null ? recorder : frozenRecording;
    }
}
