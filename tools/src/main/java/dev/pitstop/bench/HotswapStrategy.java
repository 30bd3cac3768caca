package dev.pitstop.bench;

import dev.pitstop.bench.scripts.BenchScripts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM's own HotSwap: the {@link HotswapHost} loads the scripts once and, told of each saved
 * file as an IDE would be, compiles it and redefines its classes in place with
 * {@code Instrumentation.redefineClasses} (byte-buddy-agent). Live when {@code redefineClasses}
 * returns; the game thread's pause is the JVM's safepoint time during that call, from
 * {@code -Xlog:safepoint}, read after the run. Driver thread only.
 */
final class HotswapStrategy extends Strategy {

    private ChildJvm host;
    private Path safepointLog;
    private final List<long[]> redefineWindows = new ArrayList<>();

    @Override
    String name() {
        return "hotswap";
    }

    @Override
    void start(Launch launch) throws IOException {
        safepointLog = launch.work().resolve("safepoints.log");
        java.nio.file.Files.deleteIfExists(safepointLog);
        List<String> flags = List.of("-Djdk.attach.allowAttachSelf=true",
                "-Xlog:safepoint=info:file=" + safepointLog + ":tn,tags");
        List<String> args = new ArrayList<>(List.of("--scripts", launch.scripts().toString(),
                "--events", launch.events().toString(),
                "--stats-every", Integer.toString(launch.settings().statsEvery())));
        args.addAll(launch.worldArgs());
        host = ChildJvm.start(flags, HotswapHost.class.getName(), args, launch.work().resolve("host.log"));
    }

    @Override
    String problem() {
        return host == null || host.alive() ? null : "the hotswap host exited with code " + host.exitCode()
                + " (see " + host.log() + ")";
    }

    @Override
    void edited(BenchScripts.Edit edit) throws IOException {
        host.send("edit " + edit.relativePath());
    }

    @Override
    Live awaitLive(GameEvents events, StrategyRecording recording, BenchScripts.Edit edit) throws BenchFailure {
        LoggedEvent e = events.await(x -> x.is("swap") || x.is("rejected"), LIVE_PATIENCE,
                "the redefinition of edit " + edit.number());
        if (e.is("rejected")) {
            throw new BenchFailure("HotSwap refused edit " + edit.number() + ": " + e.json().path("diagnostics"));
        }
        redefineWindows.add(new long[] {e.longField("redefineStartNanos"), e.longField("redefineEndNanos")});
        return new Live(e.tick() + 1, e.epochMillis(), Double.NaN);
    }

    @Override
    void stop(GameEvents events) throws BenchFailure, InterruptedException {
        host.quit(60_000);
        events.await(e -> e.is("stop"), START_PATIENCE, "the host's stop event");
    }

    @Override
    void finish(StrategyRecording recording) throws IOException {
        List<SafepointLog.Safepoint> safepoints = SafepointLog.read(safepointLog);
        for (int i = 0; i < recording.edits.size() && i < redefineWindows.size(); i++) {
            long[] w = redefineWindows.get(i);
            long pause = SafepointLog.pauseNanos(safepoints, w[0], w[1]);
            recording.edits.set(i, recording.edits.get(i).withPauseMicros(pause < 0 ? Double.NaN : pause / 1000.0));
        }
    }

    @Override
    void abort() {
        if (host != null) {
            host.kill();
        }
    }
}
