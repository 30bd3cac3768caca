package dev.pitstop.app;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventLog;
import dev.pitstop.events.StatusLine;
import dev.pitstop.events.TickTimes;
import dev.pitstop.loop.Clock;
import dev.pitstop.loop.FixedStepLoop;
import dev.pitstop.reload.Generation;
import dev.pitstop.reload.ReloadCoordinator;
import dev.pitstop.replay.InputLog;
import dev.pitstop.replay.InputTape;
import dev.pitstop.replay.LoopEditor;
import dev.pitstop.replay.Recorder;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.sim.Simulation;
import dev.pitstop.sim.StatsReport;
import dev.pitstop.tune.Tuner;
import dev.pitstop.world.WorldState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * A running game: the loop, the simulation, the player's input (live, replayed or looped),
 * commands, stats and the status line; the live generation is {@link LiveGenerations}'s.
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
    private final TickTimes tickTimes = new TickTimes();
    private final TickTimes statsTickTimes = new TickTimes();
    private final StatusLine status;
    private final Long tickLimit;
    private final int statsEvery;
    private volatile boolean stopRequested;
    private volatile long publishedTick;
    private Supplier<PlayerInput> input = () -> PlayerInput.NONE;
    private Supplier<PlayerInput> liveInput = input;
    private final InputLog inputLog = new InputLog(InputLog.TEN_MINUTES_AT_60_HZ);
    private final LoopEditor loops;
    private InputTape replay;
    private Recorder recorder;
    private Recorder frozenRecording;
    private Runnable frameHook = () -> { };
    private long lastStatusNanos;
    private boolean tickEvents;
    private Tuner tuner;
    private volatile Runnable wakeGameThread = () -> { };
    private Runnable panelCommand;

    Engine(Simulation sim, ReloadCoordinator reload, EventLog events, StatusLine status, Long tickLimit,
            int statsEvery) {
        this.sim = sim;
        this.reload = reload;
        this.events = events;
        this.status = status;
        this.tickLimit = tickLimit;
        this.statsEvery = statsEvery;
        this.loop = new FixedStepLoop(sim.world().stepNanos, this);
        this.publishedTick = sim.world().tick;
        this.loops = new LoopEditor(events);
        this.generations = new LiveGenerations(sim, reload, events);
        // Made on the thread that will run the ticks: it runs most script updates, give it the fast counter.
        dev.pitstop.guard.WorkBudget.claimFastPath();
    }

    /** {@code --replay}: the player's input comes from {@code tape} (standing still after it ends). */
    void replayInput(InputTape tape) {
        replay = tape;
    }

    /** {@code --record}: keep the world as it is now and every tick's input from here on. */
    void startRecording() {
        recorder = new Recorder(sim.world());
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

    /** The world's tick as last published by the game thread. Any thread. */
    long currentTick() {
        return publishedTick;
    }

    void setInput(Supplier<PlayerInput> source) {
        input = source;
        liveInput = source;
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
            execute(line);
        }
        reload.serveWorldCopy(sim.world());
        generations.installReady();
    }

    @Override
    public void beforeTick() {
        generations.installReady();
    }

    @Override
    public void tick() {
        long worldTick = sim.world().tick;
        PlayerInput in = replay != null ? replay.at(worldTick) : input.get();
        in = loops.inputFor(worldTick, in);
        inputLog.record(worldTick, in);
        if (recorder != null) {
            recorder.record(in);
        }
        long t0 = System.nanoTime();
        sim.tick(in);
        long tickNanos = System.nanoTime() - t0;
        tickTimes.record(tickNanos);
        statsTickTimes.record(tickNanos);
        WorldState w = sim.world();
        publishedTick = w.tick;
        generations.afterTick();
        if (tickEvents) {
            events.emit(Event.of("tick", w.tick).with("generation", sim.scripts().generation())
                    .with("tickNanos", tickNanos));
        }
        if (w.tick % statsEvery == 0) {
            emitStats();
        }
        WorldState again = loops.afterTick(w);
        if (again != null) {
            replaceWorld(again);
        }
    }

    /** Goes on from {@code w} (a loop's start); the live scripts stay. */
    private void replaceWorld(WorldState w) {
        sim.replaceWorld(w);
        publishedTick = w.tick;
        generations.worldChanged();
    }

    @Override
    public boolean stopRequested() {
        return stopRequested || tickLimit != null && sim.world().tick >= tickLimit;
    }

    /** One stdin (or hotkey) command. Unknown ones are an error event and a line on stderr. */
    void execute(String line) {
        String[] words = line.strip().split("\\s+", 2);
        String verb = words[0];
        String arg = words.length > 1 ? words[1].strip() : "";
        long tick = sim.world().tick;
        switch (verb) {
            case "reload" -> reload.requestReload();
            case "rollback" -> generations.rollback("requested by command");
            case "stats" -> emitStats();
            case "pause" -> loop.pause();
            case "resume" -> loop.resume();
            case "step" -> loop.stepOnce();
            case "quit", "exit" -> requestStop();
            case "spawn" -> spawnCommand(arg);
            case "loop-start" -> loopStart();
            case "loop-end" -> loopEnd();
            case "loop-off" -> loops.off(sim.world());
            case "loop" -> {
                switch (loops.state()) {
                    case OFF -> loopStart();
                    case MARKED -> loopEnd();
                    case LOOPING -> loops.off(sim.world());
                }
            }
            case "generation" -> generations.switchTo(arg);
            case "input" -> inputCommand(arg);
            case "tunables" -> {
                if (tuner != null) {
                    tuner.list();
                }
            }
            case "tune" -> tuneCommand(arg);
            case "panel" -> {
                if (panelCommand != null) {
                    panelCommand.run();
                } else {
                    error("panel: the tunables panel (F3) needs a window");
                }
            }
            default -> unknown(line, tick);
        }
    }

    private void loopStart() {
        if (loops.state() == LoopEditor.State.LOOPING) {
            loops.off(sim.world());
        }
        loops.markStart(sim.world());
    }

    private void loopEnd() {
        WorldState start = loops.markEnd(sim.world(), inputLog);
        if (start != null) {
            if (recorder != null) {
                events.emit(Event.of("warning", sim.world().tick).with("message", "the recording ends here: a loop "
                        + "rewinds the world, which a recording cannot replay"));
                frozenRecording = recorder;
                recorder = null;
            }
            replaceWorld(start);
        }
    }

    /**
     * {@code input MX MY AIMX AIMY FIRE}: the player's input from the next tick on, until the next
     * {@code input} ({@code input off} gives the input back to the window). For driving the
     * player headless: tools, tests, bug reports.
     */
    private void inputCommand(String arg) {
        if (arg.equals("off")) {
            input = liveInput;
            return;
        }
        String[] p = arg.split("\\s+");
        try {
            if (p.length != 5) {
                throw new NumberFormatException();
            }
            PlayerInput fixed = new PlayerInput(Float.parseFloat(p[0]), Float.parseFloat(p[1]), Float.parseFloat(p[2]),
                    Float.parseFloat(p[3]), p[4].equals("1") || p[4].equalsIgnoreCase("true"));
            input = () -> fixed;
        } catch (NumberFormatException e) {
            error("input: expected MOVE_X MOVE_Y AIM_X AIM_Y FIRE (e.g. input 1 0 640 360 1), or input off");
        }
    }

    /** {@code tune NAME VALUE}, {@code tune undo}, {@code tune redo}: the tuner does the work off this thread. */
    private void tuneCommand(String arg) {
        if (tuner == null) {
            return;
        }
        String[] p = arg.split("\\s+", 2);
        if (arg.equals("undo")) {
            tuner.undo();
        } else if (arg.equals("redo")) {
            tuner.redo();
        } else if (p.length == 2) {
            tuner.tune(p[0], p[1]);
        } else {
            error("tune: expected NAME VALUE (e.g. tune Chaser.SPEED 120), tune undo or tune redo");
        }
    }

    /** The recording to write at stop: the running one, or the one a loop cut short. */
    Recorder finishedRecorder() {
        return recorder != null ? recorder : frozenRecording;
    }

    private void spawnCommand(String arg) {
        try {
            SpawnSpec spec = SpawnSpec.parse(arg);
            if (!sim.scripts().names().contains(spec.behaviour())) {
                throw new UsageError("spawn: unknown behaviour '" + spec.behaviour() + "'; known: "
                        + String.join(", ", sim.scripts().names()));
            }
            if (sim.world().entities.count + spec.count() > SpawnSpec.MAX_COUNT) {
                throw new UsageError("spawn: at most " + SpawnSpec.MAX_COUNT + " entities in all");
            }
            sim.spawn(spec.behaviour(), spec.count());
            generations.worldChanged();
        } catch (UsageError e) {
            error(e.getMessage());
        }
    }

    private void unknown(String line, long tick) {
        error("unknown command '" + line + "'; commands: reload, rollback, stats, pause, resume, step, quit, "
                + "spawn NAME=COUNT, loop-start, loop-end, loop-off, generation N, input MX MY AX AY FIRE, tunables, "
                + "tune NAME VALUE, tune undo, tune redo, panel");
    }

    private void error(String message) {
        events.emit(Event.of("error", sim.world().tick).with("message", message));
    }

    /** The status line's text. */
    String statusText() {
        WorldState w = sim.world();
        String looping = switch (loops.state()) {
            case OFF -> "";
            case MARKED -> " | loop marked";
            case LOOPING -> " | loop pass " + loops.iteration() + " at " + (w.tick - loops.firstTick()) + "/"
                    + loops.length();
        };
        return String.format("tick %d | %d entities | generation %d | tick p50 %.2f ms p99 %.2f ms%s%s",
                w.tick, w.entities.count, sim.scripts().generation(), tickTimes.percentileMillis(50),
                tickTimes.percentileMillis(99), loop.paused() ? " | paused" : "", looping);
    }

    /** Once a second: the status line. */
    void maybeShowStatus() {
        long now = System.nanoTime();
        if (now - lastStatusNanos >= 1_000_000_000L) {
            lastStatusNanos = now;
            if (status.enabled()) {
                status.show(statusText());
            }
            tickTimes.reset();
        }
    }

    /** Runs headless until stopped: in real time, or as fast as it can with {@code unthrottled}. */
    void runHeadless(Clock clock, boolean unthrottled) {
        Thread game = Thread.currentThread();
        // The reload thread wakes the sleeping game thread when it wants it between two ticks, and a
        // command line does too, rather than waiting up to a tick (a tune goes live sooner).
        wakeGameThread = () -> java.util.concurrent.locks.LockSupport.unpark(game);
        reload.setWakeGameThread(wakeGameThread);
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
        emitStats();
    }

    /** A stats event, with the tick times since the last one. */
    private void emitStats() {
        Map<String, Object> tickMs = new LinkedHashMap<>();
        tickMs.put("p50", round3(statsTickTimes.percentileMillis(50)));
        tickMs.put("p99", round3(statsTickTimes.percentileMillis(99)));
        tickMs.put("max", round3(statsTickTimes.percentileMillis(100)));
        events.emit(StatsReport.of(sim).with("tickMs", tickMs));
        statsTickTimes.reset();
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    List<String> liveNames() {
        return new ArrayList<>(sim.scripts().names());
    }


}
