package dev.pitstop.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The raw numbers: {@code ticks.csv} (every tick of every strategy: process, tick, generation,
 * milliseconds, seconds since the strategy's first tick, phase) and {@code edits.csv} (every edit,
 * with its pace and the engine's reload phases).
 * Driver thread.
 */
final class CsvFiles {

    private CsvFiles() {
    }

    static void write(Path dir, List<Outcome> outcomes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("ticks.csv"), StandardCharsets.UTF_8)) {
            w.write("strategy,process,tick,generation,tick_ms,seconds,phase\n");
            for (Outcome o : outcomes) {
                List<StrategyRecording.Tick> ticks = o.recording.ticks;
                double t0 = ticks.isEmpty() ? 0 : ticks.get(0).startEpochMillis();
                for (int i = 0; i < ticks.size(); i++) {
                    StrategyRecording.Tick t = ticks.get(i);
                    w.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%.4f,%.4f,%s%n", o.strategy(), t.process(),
                            t.tick(), t.generation(), t.tickMillis(), (t.endEpochMillis() - t0) / 1000.0,
                            o.phases[i].name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("edits.csv"), StandardCharsets.UTF_8)) {
            w.write("strategy,edit,pace,behaviour,edit_to_live_ms,pause_us,swap_tick,swap_tick_ms,tail_p50_ms,tail_max_ms,"
                    + String.join(",", StrategyRecording.RELOAD_PHASES.stream().map(p -> p + "_ms").toList())
                    + ",new_code_seen,state_kept\n");
            for (Outcome o : outcomes) {
                for (Outcome.EditResult e : o.edits) {
                    StringBuilder phases = new StringBuilder();
                    for (String p : StrategyRecording.RELOAD_PHASES) {
                        double ms = e.phase(p);
                        phases.append(Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.3f", ms)).append(',');
                    }
                    w.write(String.format(Locale.ROOT, "%s,%d,%s,%s,%.3f,%s,%d,%.4f,%.4f,%.4f,%s%s,%s%n", o.strategy(),
                            e.number(), e.pace().name().toLowerCase(Locale.ROOT), e.behaviour(), e.editToLiveMillis(),
                            Double.isNaN(e.pauseMicros()) ? "" : String.format(Locale.ROOT, "%.1f", e.pauseMicros()),
                            e.swapTick(), e.swapTickMillis(), e.tailP50Millis(), e.tailMaxMillis(), phases,
                            e.newCodeSeen() == null ? "" : e.newCodeSeen(), e.stateKept()));
                }
            }
        }
    }
}
