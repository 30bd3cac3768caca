package dev.pitstop.app;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventLog;
import dev.pitstop.events.StatusLine;
import dev.pitstop.loop.Clock;
import dev.pitstop.loop.FixedStepLoop;
import dev.pitstop.reload.Generation;
import dev.pitstop.reload.LiveGenerations;
import dev.pitstop.reload.ReloadCoordinator;
import dev.pitstop.replay.InputTape;
import dev.pitstop.replay.LoopEditor;
import dev.pitstop.replay.Recorder;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.sim.Simulation;
import dev.pitstop.tune.Tuner;
import dev.pitstop.world.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * A running game: the loop and the simulation, ticking; the player's input is
 * {@link InputRouting}'s, commands are {@link Commands}', stats and the status line
 * {@link StatsReporting}'s, the live generation {@link LiveGenerations}'.
 * Everything here runs on the game thread except {@link #submit} and {@link #requestStop}, which
 * any thread may call.
 */
final class Engine implements FixedStepLoop.Ticker {

    private final Simulation sim;
    private final ReloadCoordinator reload;
    private final EventLog events;
    private final LiveGenerations generations;
    private final Queue<String> commands = new ConcurrentLinkedQueue<>();
    private final FixedStepLoop loop;
    private final Long tickLimit;
    private final int statsEvery;
    private final LoopEditor loops;
    private final InputRouting inputs;
    private final StatsReporting stats;
    private final Commands commandLines;
    private volatile boolean stopRequested;
    private Runnable frameHook = () -> { };
    private boolean tickEvents;
    private Tuner tuner;
    private volatile Runnable wakeGameThread = () -> { };
    private Runnable panelCommand;

    Engine(Simulation sim, ReloadCoordinator reload, EventLog events, StatusLine status, Long tickLimit,
            int statsEvery) {
        this.sim = sim;
        this.reload = reload;
        this.events = events;
        this.tickLimit = tickLimit;
        this.statsEvery = statsEvery;
        this.loop = new FixedStepLoop(sim.world().stepNanos, this);
        this.loops = new LoopEditor(events);
        this.inputs = new InputRouting(events, loops);
        this.stats = new StatsReporting(sim, events, status, loops);
        this.generations = new LiveGenerations(sim, reload, events);
        this.commandLines = new Commands(this, events);
        // Made on the thread that will run the ticks: it runs most script updates, give it the fast counter.
        dev.pitstop.guard.WorkBudget.claimFastPath();
    }

    /** {@code --replay}: the player's input comes from {@code tape} (standing still after it ends). */
    void replayInput(InputTape tape) {
        inputs.replay(tape);
    }

    /** {@code --record}: keep the world as it is now and every tick's input from here on. */
    void startRecording() {
        inputs.startRecording(sim.world());
    }

    LoopEditor loops() {
        return loops;
    }

    Simulation sim() {
        return sim;
    }

    FixedStepLoop loop() {
        return loop;
    }

    ReloadCoordinator reload() {
        return reload;
    }

    LiveGenerations generations() {
        return generations;
    }

    InputRouting inputs() {
        return inputs;
    }

    StatsReporting stats() {
        return stats;
    }

    void setInput(Supplier<PlayerInput> source) {
        inputs.setLive(source);
    }

    /** Runs at the start of every frame, before queued commands: takes saved assets (a level) in. */
    void onFrameStart(Runnable hook) {
        frameHook = hook;
    }

    /** Replaces the world with {@code fresh} (R in the window); the live scripts stay. Game thread. */
    void restart(WorldState fresh) {
        replaceWorld(fresh);
        events.emit(Event.of("restart", fresh.tick).with("entities", fresh.entities.count));
    }

    /** {@code --tick-events}: a {@code tick} event after every tick, for profiling (the benchmark reads them). */
    void emitTickEvents(boolean on) {
        tickEvents = on;
    }

    /** The tunables of the live scripts: it hears of every generation that goes live from here on. */
    void useTuner(Tuner t) {
        tuner = t;
        generations.onLive(t::wentLive);
    }

    /** The tuner of the live scripts' constants. */
    Tuner tuner() {
        return tuner;
    }

    /** What stdin {@code panel} does: the window's F3 (none headless). */
    void onPanelCommand(Runnable toggle) {
        panelCommand = toggle;
    }

    void togglePanel() {
        if (panelCommand != null) {
            panelCommand.run();
        } else {
            commandLines.error("panel: the tunables panel (F3) needs a window");
        }
    }

    /** Makes generation 1 live (no swap event: the start event reports it). */
    void installFirst(Generation g) {
        generations.installFirst(g);
    }

    /** Queues a command line for the game thread, and wakes it if it sleeps until its next tick. Any thread. */
    void submit(String line) {
        commands.add(line);
        wakeGameThread.run();
    }

    /** Asks the loop to stop after the current tick. Any thread. */
    void requestStop() {
        stopRequested = true;
    }

    /** Between frames: run queued commands and install a ready generation. */
    void frameStart() {
        frameHook.run();
        String line;
        while ((line = commands.poll()) != null) {
            commandLines.execute(line);
        }
        generations.betweenTicks(); // a paused loop runs no tick: a ready generation still goes live
    }

    @Override
    public void beforeTick() {
        generations.betweenTicks();
    }

    @Override
    public void tick() {
        PlayerInput in = inputs.next(sim.world().tick);
        long t0 = System.nanoTime();
        sim.tick(in);
        long tickNanos = System.nanoTime() - t0;
        stats.ticked(tickNanos);
        WorldState w = sim.world();
        generations.afterTick();
        if (tickEvents) {
            events.emit(Event.of("tick", w.tick).with("generation", sim.scripts().generation())
                    .with("tickNanos", tickNanos));
        }
        if (w.tick % statsEvery == 0) {
            stats.emitStats();
        }
        WorldState again = loops.afterTick(w);
        if (again != null) {
            replaceWorld(again);
        }
    }

    /** Goes on from {@code w} (a loop's start); the live scripts stay. */
    private void replaceWorld(WorldState w) {
        sim.replaceWorld(w);
        generations.worldChanged();
    }

    @Override
    public boolean stopRequested() {
        return stopRequested || tickLimit != null && sim.world().tick >= tickLimit;
    }

    void loopStart() {
        if (loops.state() == LoopEditor.State.LOOPING) {
            loops.off(sim.world());
        }
        loops.markStart(sim.world());
    }

    void loopEnd() {
        WorldState start = inputs.closeLoop(sim.world());
        if (start != null) {
            replaceWorld(start);
        }
    }

    /** The recording to write at stop: the running one, or the one a loop cut short. */
    Recorder finishedRecorder() {
        return inputs.finishedRecorder();
    }

    /** The status line's text. */
    String statusText() {
        return stats.statusText(loop);
    }

    /** Once a second: the status line. */
    void maybeShowStatus() {
        stats.maybeShowStatus(loop);
    }

    /** Runs headless until stopped: in real time, or as fast as it can with {@code unthrottled}. */
    void runHeadless(Clock clock, boolean unthrottled) {
        Thread game = Thread.currentThread();
        // The reload thread wakes the sleeping game thread when it wants it between two ticks, and a
        // command line does too, rather than waiting up to a tick (a tune goes live sooner).
        wakeGameThread = () -> java.util.concurrent.locks.LockSupport.unpark(game);
        reload.wakeWith(wakeGameThread);
        while (!stopRequested()) {
            frameStart();
            if (stopRequested()) {
                break;
            }
            if (unthrottled && !loop.paused()) {
                loop.runTick();
            } else {
                loop.frame(clock.nanos());
                clock.sleep(Math.min(loop.nanosUntilNextTick(), 20_000_000L));
            }
            maybeShowStatus();
        }
    }

    /**
     * The game loop (headless or windowed) is over: give the work budget's fast counter back, so
     * the next engine in this JVM (tests run many) can claim it. Game thread.
     */
    void releaseGameThread() {
        dev.pitstop.guard.WorkBudget.releaseFastPath();
        generations.close();
        if (tuner != null) {
            tuner.close();
        }
    }

    /** The closing stats event, then {@code stop}. */
    void emitFinalStats() {
        stats.emitStats();
    }

    List<String> liveNames() {
        return new ArrayList<>(sim.scripts().names());
    }
}
