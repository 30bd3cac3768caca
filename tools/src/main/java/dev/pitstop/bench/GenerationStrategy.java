package dev.pitstop.bench;

import dev.pitstop.bench.scripts.BenchScripts;
import java.io.IOException;
import java.util.List;

/**
 * Our reload: the real engine ({@code ./pitstop run --headless}) in a JVM of its own, watching its
 * script folder; an edit is live at its {@code swap} event, and the game thread's pause is the
 * swap's {@code pauseMicros}. Driver thread only.
 */
final class GenerationStrategy extends Strategy {

    private ChildJvm game;
    private int generation = 1;
    private String lastRejection;

    @Override
    String name() {
        return "generation";
    }

    @Override
    void start(Launch launch) throws IOException {
        List<String> args = launch.engineArgs();
        args.addAll(launch.worldArgs());
        game = ChildJvm.start(List.of(), ChildJvm.ENGINE_MAIN, args, launch.work().resolve("game.log"), launch.engineEnv());
        generation = 1;
    }

    @Override
    boolean pauseBetweenTicks() {
        return true;
    }

    @Override
    boolean restarts() {
        return true;
    }

    @Override
    String problem() {
        return game == null || game.alive() ? null : "the game exited with code " + game.exitCode() + " (see " + game.log() + ")";
    }

    @Override
    Live awaitLive(GameEvents events, StrategyRecording recording, BenchScripts.Edit edit) throws BenchFailure {
        while (true) {
            LoggedEvent e;
            try {
                e = events.await(x -> x.is("swap") || x.is("rejected"), LIVE_PATIENCE, "the swap of edit " + edit.number());
            } catch (BenchFailure f) {
                throw lastRejection == null ? f : new BenchFailure(f.getMessage() + "; last rejection: " + lastRejection);
            }
            if (e.is("rejected")) {
                // A build of a half-written file is superseded by the next one; a real error ends in the timeout.
                lastRejection = e.json().toString();
                continue;
            }
            if (e.longField("toGeneration") > generation && e.strings("changed").contains(edit.behaviour())) {
                generation = (int) e.longField("toGeneration");
                return new Live(e.tick() + 1, e.epochMillis(), e.doubleField("pauseMicros"), generation);
            }
        }
    }

    @Override
    void stop(GameEvents events) throws BenchFailure, InterruptedException {
        game.quit(60_000);
        events.await(e -> e.is("stop"), START_PATIENCE, "the game's stop event");
    }

    @Override
    void abort() {
        if (game != null) {
            game.kill();
        }
    }
}
