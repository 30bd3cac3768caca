package dev.pitstop.bench;

import dev.pitstop.bench.scripts.BenchScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The cold restart: a {@link RestartSupervisor} (this JVM) watches the scripts; on a change it
 * stops the game JVM, which writes {@code --snapshot} on exit, and starts a new one with
 * {@code --restore}. Live at the first tick of the new JVM; the pause is the whole gap between the
 * old JVM's last tick and the new one's first. The games themselves do not watch ({@code --watch
 * off}). Driver thread only.
 */
final class RestartStrategy extends Strategy {

    /** The supervisor's quiet period, the engine's {@code --quiet-ms} default. */
    static final long QUIET_MILLIS = 20;

    private RestartSupervisor supervisor;

    @Override
    String name() {
        return "restart";
    }

    @Override
    void start(Launch launch) throws IOException {
        Path snapshot = launch.work().resolve("world.snapshot");
        Files.deleteIfExists(snapshot);
        supervisor = new RestartSupervisor(launch.scripts(), QUIET_MILLIS, run -> {
            List<String> args = launch.engineArgs();
            args.addAll(List.of("--watch", "off", "--snapshot", snapshot.toString()));
            if (run == 1) {
                args.addAll(launch.worldArgs());
            } else {
                args.addAll(List.of("--restore", snapshot.toString()));
            }
            return ChildJvm.start(List.of(), ChildJvm.ENGINE_MAIN, args, launch.work().resolve("game-" + run + ".log"),
                    launch.engineEnv());
        });
        supervisor.start();
    }

    @Override
    String problem() {
        return supervisor == null ? null : supervisor.problem();
    }

    @Override
    Live awaitLive(GameEvents events, StrategyRecording recording, BenchScripts.Edit edit) throws BenchFailure {
        events.await(e -> e.is("start"), START_PATIENCE, "the restarted game of edit " + edit.number());
        int process = recording.processes;
        LoggedEvent first = events.await(e -> e.is("tick"), START_PATIENCE, "the restarted game's first tick");
        StrategyRecording.Tick lastOld = null;
        for (int i = recording.ticks.size() - 1; i >= 0 && lastOld == null; i--) {
            if (recording.ticks.get(i).process() < process) {
                lastOld = recording.ticks.get(i);
            }
        }
        double live = first.epochMillis() - first.longField("tickNanos") / 1e6;
        double gapMicros = lastOld == null ? Double.NaN : (live - lastOld.endEpochMillis()) * 1000.0;
        return new Live(first.tick(), live, gapMicros);
    }

    @Override
    void stop(GameEvents events) throws BenchFailure, InterruptedException {
        supervisor.close();
        events.await(e -> e.is("stop"), START_PATIENCE, "the last game's stop event");
    }

    @Override
    void abort() {
        if (supervisor != null) {
            supervisor.kill();
        }
    }
}
