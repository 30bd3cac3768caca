package dev.pitstop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./pitstop bench jmh [JMH options]}: the JMH benchmarks of package
 * {@code dev.pitstop.bench.jmh} (or those matching a regular expression given as JMH's usual
 * argument), in JVMs JMH forks on this class path. Any JMH option passes through ({@code -h} lists
 * them). Main thread.
 */
@Command(name = "jmh", description = {"The JMH micro-benchmarks of slots, install and tick.",
    "Dispatch through a generation's slot vs a direct call, installing a generation, one tick at",
    "1k and 10k entities. JMH options pass through (-h lists them)."})
final class JmhCommand implements Callable<Integer> {

    static final String INCLUDE = "dev\\.pitstop\\.bench\\.jmh\\..*";

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        if (cli.shouldHelp()) {
            cli.showHelp();
            return 0;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(INCLUDE);
        }
        new Runner(options.build()).run();
        return 0;
    }
}
