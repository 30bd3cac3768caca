package dev.pitstop.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./pitstop bench tune}: how long a tune takes to go live. Drives {@code tune} over the
 * standard input of a headless engine running the demo's scripts (a copy of them), and reads its
 * event log: single tunes (one, its swap, a pause), then tunes in a row as the panel makes them
 * while a value is dragged. Main thread (picocli's).
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Tune to live: how long a stdin 'tune' takes until the swap that carries it.",
            "Single tunes (each waits for its swap), then tunes in a row at the panel's drag rate, on a",
            "headless engine running a copy of the demo's scripts. Writes tune.md and tune.json to --out."})
final class TuneBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--entities", paramLabel = "N", description = "Enemies, a quarter of each demo behaviour (default: 2000).")
    int entities = 2000;

    @Option(names = "--single", paramLabel = "N", description = "Single tunes (default: 50).")
    int single = 50;

    @Option(names = "--drag", paramLabel = "N", description = "Tunes in a row, as while dragging (default: 100).")
    int drag = 100;

    @Option(names = "--drag-interval", paramLabel = "MS",
            description = "Milliseconds between tunes in a row (default: 200, the panel's rate while dragging).")
    long dragIntervalMillis = 200;

    @Option(names = "--warm-up", paramLabel = "N",
            description = "Tunes made first and not counted, while javac and the JIT warm up (default: 40).")
    int warmUp = 40;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the results go (default: target/bench).")
    Path out = Path.of("target", "bench");

    @Override
    public Integer call() throws Exception {
        if (entities < 4 || single < 1 || drag < 1 || dragIntervalMillis < 0 || warmUp < 0) {
            throw new ParameterException(spec.commandLine(), "--entities must be at least 4, --single and --drag at "
                    + "least 1, --drag-interval and --warm-up not negative");
        }
        TuneBench.Settings settings = new TuneBench.Settings(entities, single, drag, dragIntervalMillis, warmUp, out);
        return new TuneBench(settings, spec.commandLine().getOut(), spec.commandLine().getErr()).call();
    }
}
