package dev.pitstop.bench;

import dev.pitstop.bench.scripts.BenchScripts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One {@code ./pitstop bench}: runs each strategy in turn, replays the reference world, analyses
 * the recordings and writes {@code report.md}, {@code results.json}, the CSVs and the chart into
 * the output folder. A strategy that fails is reported and the others still run (exit code 1).
 * Main thread.
 */
final class BenchRun {

    private final BenchSettings settings;
    private final PrintWriter out;
    private final Progress progress;

    BenchRun(BenchSettings settings, PrintWriter out, Progress progress) {
        this.settings = settings;
        this.out = out;
        this.progress = progress;
    }

    int call() throws IOException, InterruptedException {
        Path dir = settings.out().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String machine = Machine.describe();
        StrategyRunner runner = new StrategyRunner(settings, progress);
        List<StrategyRecording> recordings = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (String name : settings.strategies()) {
            try {
                recordings.add(runner.run(strategy(name), dir.resolve("work").resolve(name)));
            } catch (BenchFailure | IOException e) {
                progress.finished();
                failures.put(name, e.getMessage());
                progress.note(name + " failed: " + e.getMessage());
            }
        }
        progress.note("replaying the reference world and writing the report");
        List<Outcome> outcomes = analyse(recordings);
        ResultsJson.write(dir.resolve("results.json"), machine, outcomes);
        CsvFiles.write(dir, outcomes);
        TickChart.write(dir.resolve("ticks.png"), outcomes);
        ReportMarkdown.write(dir.resolve("report.md"), settings, machine, date, command(), outcomes, failures);
        StringBuilder table = new StringBuilder();
        ReportMarkdown.table(table, outcomes);
        out.print(table);
        out.println("report: " + dir.resolve("report.md"));
        out.flush();
        return failures.isEmpty() ? 0 : 1;
    }

    private static Strategy strategy(String name) {
        return switch (name) {
            case "generation" -> new GenerationStrategy();
            case "hotswap" -> new HotswapStrategy();
            case "restart" -> new RestartStrategy();
            default -> throw new IllegalArgumentException("no strategy " + name);
        };
    }

    private List<Outcome> analyse(List<StrategyRecording> recordings) throws IOException {
        SortedSet<Long> ticks = new TreeSet<>();
        recordings.forEach(r -> r.stats.forEach(s -> ticks.add(s.tick())));
        Map<Long, StrategyRecording.BehaviourStats> reference;
        try {
            reference = WorldReference.controlStats(settings, ticks);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot replay the reference world: " + e, e);
        }
        String control = BenchScripts.generate(settings.scripts()).control();
        List<Outcome> outcomes = new ArrayList<>();
        for (StrategyRecording r : recordings) {
            outcomes.add(Outcome.analyse(r, control, reference, settings.tailTicks()));
        }
        return outcomes;
    }

    /** The command line that repeats this run. */
    private String command() {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("--entities", settings.entities());
        opts.put("--scripts", settings.scripts());
        opts.put("--edits", settings.edits());
        opts.put("--first-saves", settings.firstSaves());
        opts.put("--strategy", settings.strategies().size() == BenchSettings.STRATEGIES.size() ? "all"
                : settings.strategies().get(0));
        opts.put("--tail-ticks", settings.tailTicks());
        StringBuilder sb = new StringBuilder("./pitstop bench");
        for (Entry<String, Object> e : opts.entrySet()) {
            sb.append(' ').append(e.getKey()).append(' ').append(e.getValue());
        }
        return sb.toString();
    }
}
