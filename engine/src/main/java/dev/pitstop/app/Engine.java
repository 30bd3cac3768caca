package dev.pitstop.app;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventLog;
import dev.pitstop.events.StatusLine;
import dev.pitstop.events.TickTimes;
import dev.pitstop.loop.Clock;
import dev.pitstop.loop.FixedStepLoop;
import dev.pitstop.reload.Generation;
import dev.pitstop.reload.GenerationHistory;
import dev.pitstop.reload.ReadyGeneration;
import dev.pitstop.reload.ReloadCoordinator;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.sim.Simulation;
import dev.pitstop.sim.StatsReport;
import dev.pitstop.world.Entities;
import dev.pitstop.world.WorldState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * A running game: the loop, the simulation, the live generation and its history, commands,
 * stats, rollback. Everything here runs on the game thread except {@link #submit} and
 * {@link #requestStop}, which any thread may call.
 */
final class Engine implements FixedStepLoop.Ticker {

    /** A new generation that faults within this many live ticks is rolled back. */
    static final int ROLLBACK_WINDOW_TICKS = 60;

    private final Simulation sim;
    private final ReloadCoordinator reload;
    private final EventLog events;
    private final GenerationHistory history = new GenerationHistory(GenerationHistory.DEFAULT_CAPACITY);
    private final Queue<String> commands = new ConcurrentLinkedQueue<>();
    private final FixedStepLoop loop;
    private final TickTimes tickTimes = new TickTimes();
    private final StatusLine status;
    private final Long tickLimit;
    private final int statsEvery;
    private volatile boolean stopRequested;
    private volatile long publishedTick;
    private Supplier<PlayerInput> input = () -> PlayerInput.NONE;
    private long liveTicks;
    private boolean rollbackArmed;
    private long lastStatusNanos;
    private boolean tickEvents;

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
    }

    /** {@code --tick-events}: a {@code tick} event after every tick, for profiling (the benchmark reads them). */
    void emitTickEvents(boolean on) {
        tickEvents = on;
    }

    /** Makes generation 1 live (no swap event: the start event reports it). */
    void installFirst(Generation g) {
        sim.install(g.table());
        history.wentLive(g);
        rollbackArmed = false;
        reportOrphans();
        publishWorld();
    }

    /** Queues a command line for the game thread. Any thread. */
    void submit(String line) {
        commands.add(line);
    }

    Queue<String> commandQueue() {
        return commands;
    }

    /** Asks the loop to stop after the current tick. Any thread. */
    void requestStop() {
        stopRequested = true;
    }

    /** Between frames: run queued commands and install a ready generation. */
    void frameStart() {
        String line;
        while ((line = commands.poll()) != null) {
            execute(line);
        }
        installReady();
    }

    @Override
    public void beforeTick() {
        installReady();
    }

    @Override
    public void tick() {
        long t0 = System.nanoTime();
        sim.tick(input.get());
        long tickNanos = System.nanoTime() - t0;
        tickTimes.record(tickNanos);
        WorldState w = sim.world();
        publishedTick = w.tick;
        liveTicks++;
        if (rollbackArmed && sim.lastTickFaults() > 0 && liveTicks <= ROLLBACK_WINDOW_TICKS) {
            rollback("it faulted within " + ROLLBACK_WINDOW_TICKS + " ticks of going live: " + sim.lastTickFirstError());
        }
        if (tickEvents) {
            events.emit(Event.of("tick", w.tick).with("generation", sim.scripts().generation())
                    .with("tickNanos", tickNanos));
        }
        if (w.tick % statsEvery == 0) {
            events.emit(StatsReport.of(sim));
        }
    }

    @Override
    public boolean stopRequested() {
        return stopRequested || tickLimit != null && sim.world().tick >= tickLimit;
    }

    private void installReady() {
        ReadyGeneration ready = reload.takeReady();
        if (ready == null) {
            return;
        }
        int from = sim.scripts().generation();
        long t0 = System.nanoTime();
        sim.install(ready.generation().table());
        long t1 = System.nanoTime();
        history.wentLive(ready.generation());
        liveTicks = 0;
        rollbackArmed = true;
        events.emit(Event.of("swap", sim.world().tick)
                .with("fromGeneration", from)
                .with("toGeneration", ready.generation().number())
                .with("pauseMicros", Math.round((t1 - t0) / 100.0) / 10.0)
                .with("editToSwapMs", Math.round((t1 - ready.firstChangeNanos()) / 10_000.0) / 100.0)
                .with("changed", ready.changed())
                .with("added", ready.added())
                .with("removed", ready.removed()));
        reportOrphans();
        publishWorld();
    }

    /** Goes back to the generation live before this one, dropping this one. */
    void rollback(String reason) {
        Generation from = history.live();
        Generation to = history.previous();
        if (to == null) {
            events.emit(Event.of("error", sim.world().tick).with("message",
                    "rollback: no earlier generation is kept to go back to"));
            return;
        }
        history.dropLive();
        sim.install(to.table());
        liveTicks = 0;
        rollbackArmed = false;
        events.emit(Event.of("rollback", sim.world().tick).with("fromGeneration", from.number())
                .with("toGeneration", to.number()).with("reason", reason));
        reportOrphans();
        publishWorld();
    }

    private void reportOrphans() {
        WorldState w = sim.world();
        int[] used = new int[w.slots.size()];
        Entities e = w.entities;
        for (int i = 0; i < e.count; i++) {
            used[e.slot[i]]++;
        }
        for (int s = 0; s < used.length; s++) {
            String name = w.slots.name(s);
            if (used[s] > 0 && !sim.scripts().names().contains(name)) {
                events.emit(Event.of("orphaned", w.tick).with("behaviour", name).with("entities", used[s])
                        .with("generation", sim.scripts().generation()));
            }
        }
    }

    private void publishWorld() {
        reload.publishWorld(sim.world().slots, sim.scripts().names());
    }

    /** One stdin (or hotkey) command. Unknown ones are an error event and a line on stderr. */
    void execute(String line) {
        String[] words = line.strip().split("\\s+", 2);
        String verb = words[0];
        String arg = words.length > 1 ? words[1].strip() : "";
        long tick = sim.world().tick;
        switch (verb) {
            case "reload" -> reload.requestReload();
            case "rollback" -> rollback("requested by command");
            case "stats" -> events.emit(StatsReport.of(sim));
            case "pause" -> loop.pause();
            case "resume" -> loop.resume();
            case "step" -> loop.stepOnce();
            case "quit", "exit" -> requestStop();
            case "spawn" -> spawnCommand(arg);
            default -> unknown(line, tick);
        }
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
            publishWorld();
        } catch (UsageError e) {
            error(e.getMessage());
        }
    }

    private void unknown(String line, long tick) {
        error("unknown command '" + line + "'; commands: reload, rollback, stats, pause, resume, step, quit, "
                + "spawn NAME=COUNT");
    }

    private void error(String message) {
        events.emit(Event.of("error", sim.world().tick).with("message", message));
    }

    /** The status line's text. */
    String statusText() {
        WorldState w = sim.world();
        return String.format("tick %d | %d entities | generation %d | tick p50 %.2f ms p99 %.2f ms%s",
                w.tick, w.entities.count, sim.scripts().generation(), tickTimes.percentileMillis(50),
                tickTimes.percentileMillis(99), loop.paused() ? " | paused" : "");
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

    /** The closing stats event, then {@code stop}. */
    void emitFinalStats() {
        events.emit(StatsReport.of(sim));
    }

    List<String> liveNames() {
        return new ArrayList<>(sim.scripts().names());
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", sim.scripts().generation());
        m.put("behaviours", liveNames());
        return m;
    }

    GenerationHistory history() {
        return history;
    }
}
