package dev.pitstop.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./pitstop bench}: the swap-latency benchmark. Edits generated scripts one at a time while
 * a headless game ticks at 60 Hz in real time, and measures what each edit costs with our
 * generation swap, the JVM's HotSwap and a cold restart; writes a report, JSON, CSV and a chart.
 * {@code ./pitstop bench jmh} runs the JMH micro-benchmarks. The engine's command line registers
 * this class by name when the tools module is on the class path.
 *
 * <p>Created and called on the main thread by picocli; the run drives child JVMs from that thread.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"The swap-latency benchmark: generation swap vs HotSwap vs cold restart.",
            "Edits generated scripts one at a time while a headless game ticks at 60 Hz",
            "and measures what each edit costs with our generation swap, the JVM's",
            "HotSwap (redefineClasses) and a cold restart (snapshot and restore); for",
            "ours, also the first save after the game is quit and started again.",
            "Writes report.md, results.json, edits.csv, ticks.csv and ticks.png to --out."},
        subcommands = {JmhCommand.class, TuneBenchCommand.class},
        footer = {"", "The default run takes about 20 minutes: every edit is followed by its",
            "300-tick tail at 60 Hz. Run './pitstop bench jmh' for the JMH micro-benchmarks",
            "(slot dispatch, install, tick), './pitstop bench tune' for tune-to-live",
            "latency (the F3 panel and stdin tune)."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--entities", paramLabel = "N", description = "Enemies in the world (default: 10000).")
    int entities = 10_000;

    @Option(names = "--scripts", paramLabel = "N", description = "Generated behaviours, at least 2 (default: 20).")
    int scripts = 20;

    @Option(names = "--edits", paramLabel = "N",
            description = "Quick edits per strategy, after the first saves, each after the last one's tail (default: 50).")
    int edits = 50;

    @Option(names = "--first-saves", paramLabel = "N",
            description = "Saves at a person's pace right after the start, before the quick edits (default: 10).")
    int firstSaves = BenchSettings.FIRST_SAVES;

    @Option(names = "--first-save-after-ms", paramLabel = "MS",
            description = "When the first save comes after the game's start event (default: 2000).")
    int firstSaveAfterMillis = BenchSettings.FIRST_SAVE_AFTER_MILLIS;

    @Option(names = "--save-spacing-ms", paramLabel = "MS",
            description = "Time between a person's first saves (default: 3000).")
    int saveSpacingMillis = BenchSettings.SAVE_SPACING_MILLIS;

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "generation, hotswap, restart or all (default: all).")
    String strategy = "all";

    @Option(names = "--out", paramLabel = "DIR", description = "Where the results go (default: target/bench).")
    Path out = Path.of("target", "bench");

    @Option(names = "--tail-ticks", paramLabel = "N",
            description = "Ticks after each swap counted as its warm-up tail (default: 300).")
    int tailTicks = 300;

    /** For picocli (the engine creates it by reflection). */
    public BenchCommand() {
    }

    @Override
    public Integer call() throws Exception {
        BenchSettings settings;
        try {
            settings = new BenchSettings(entities, scripts, edits, BenchSettings.parseStrategy(strategy), out,
                    tailTicks, 60, 1, 60, firstSaves, firstSaveAfterMillis, saveSpacingMillis);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean terminal = "1".equals(System.getProperty("pitstop.stderrTty"));
        Progress progress = new Progress(spec.commandLine().getErr(), terminal);
        return new BenchRun(settings, spec.commandLine().getOut(), progress).call();
    }
}
