package dev.pitstop.app;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.replay.LoopEditor;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.tune.Tuner;

/**
 * The commands of standard input and the window's hotkeys, one line each, carried out on the
 * game thread between two ticks: {@code reload}, {@code rollback}, {@code stats}, {@code pause},
 * {@code resume}, {@code step}, {@code quit}, {@code spawn}, looped editing, {@code generation},
 * {@code input}, the tunables. An unknown or malformed one is an {@code error} event, and the game
 * goes on. Game thread.
 */
final class Commands {

    private final Engine engine;
    private final EventSink events;

    Commands(Engine engine, EventSink events) {
        this.engine = engine;
        this.events = events;
    }

    /** One stdin (or hotkey) command. */
    void execute(String line) {
        String[] words = line.strip().split("\\s+", 2);
        String verb = words[0];
        String arg = words.length > 1 ? words[1].strip() : "";
        LoopEditor loops = engine.loops();
        switch (verb) {
            case "reload" -> engine.reload().requestReload();
            case "rollback" -> engine.generations().rollback("requested by command");
            case "stats" -> engine.stats().emitStats();
            case "pause" -> engine.loop().pause();
            case "resume" -> engine.loop().resume();
            case "step" -> engine.loop().stepOnce();
            case "quit", "exit" -> engine.requestStop();
            case "spawn" -> spawn(arg);
            case "loop-start" -> engine.loopStart();
            case "loop-end" -> engine.loopEnd();
            case "loop-off" -> loops.off(engine.sim().world());
            case "loop" -> {
                switch (loops.state()) {
                    case OFF -> engine.loopStart();
                    case MARKED -> engine.loopEnd();
                    case LOOPING -> loops.off(engine.sim().world());
                }
            }
            case "generation" -> engine.generations().switchTo(arg);
            case "input" -> input(arg);
            case "tunables" -> {
                if (engine.tuner() != null) {
                    engine.tuner().list();
                }
            }
            case "tune" -> tune(arg);
            case "panel" -> engine.togglePanel();
            default -> error("unknown command '" + line + "'; commands: reload, rollback, stats, pause, resume, step, "
                    + "quit, spawn NAME=COUNT, loop-start, loop-end, loop-off, generation N, input MX MY AX AY FIRE, "
                    + "tunables, tune NAME VALUE, tune undo, tune redo, panel");
        }
    }

    /**
     * {@code input MX MY AIMX AIMY FIRE}: the player's input from the next tick on, until the next
     * {@code input} ({@code input off} gives the input back to the window). For driving the
     * player headless: tools, tests, bug reports.
     */
    private void input(String arg) {
        if (arg.equals("off")) {
            engine.inputs().release();
            return;
        }
        String[] p = arg.split("\\s+");
        try {
            if (p.length != 5) {
                throw new NumberFormatException();
            }
            engine.inputs().fix(new PlayerInput(Float.parseFloat(p[0]), Float.parseFloat(p[1]), Float.parseFloat(p[2]),
                    Float.parseFloat(p[3]), p[4].equals("1") || p[4].equalsIgnoreCase("true")));
        } catch (NumberFormatException e) {
            error("input: expected MOVE_X MOVE_Y AIM_X AIM_Y FIRE (e.g. input 1 0 640 360 1), or input off");
        }
    }

    /** {@code tune NAME VALUE}, {@code tune undo}, {@code tune redo}: the tuner does the work off this thread. */
    private void tune(String arg) {
        Tuner tuner = engine.tuner();
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

    private void spawn(String arg) {
        try {
            SpawnSpec spec = SpawnSpec.parse(arg);
            var sim = engine.sim();
            if (!sim.scripts().names().contains(spec.behaviour())) {
                throw new UsageError("spawn: unknown behaviour '" + spec.behaviour() + "'; known: "
                        + String.join(", ", sim.scripts().names()));
            }
            if (sim.world().entities.count + spec.count() > SpawnSpec.MAX_COUNT) {
                throw new UsageError("spawn: at most " + SpawnSpec.MAX_COUNT + " entities in all");
            }
            sim.spawn(spec.behaviour(), spec.count());
            engine.generations().worldChanged();
        } catch (UsageError e) {
            error(e.getMessage());
        }
    }

    void error(String message) {
        events.emit(Event.of("error", engine.sim().world().tick).with("message", message));
    }
}
