package dev.pitstop.app;

import dev.pitstop.events.EventSink;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line behind {@code ./pitstop}: {@code demo}, {@code run},
 * {@code bench}. Bad usage gets one line naming the culprit and pointing to {@code --help}, exit
 * code 2. Main thread.
 */
@Command(name = "pitstop", mixinStandardHelpOptions = true, version = "Pitstop 0.1",
        description = {"A Java game engine whose enemy scripts are hot-reloaded while the game runs.", ""},
        subcommands = {Main.Demo.class, Main.Run.class},
        footer = {"", "Run './pitstop COMMAND --help' for a command's options."})
public final class Main implements Callable<Integer> {

    static final String HOTKEYS = """
            Hotkeys (window): F1 HUD, F2 debug drawing, F3 tunables panel, F5 reload now, F6 loop
            (mark start, mark end and loop, leave), F7 roll back to the previous generation, F8
            switch among the kept generations (A/B), P pause, . single step while paused, Esc quit.
            Play: WASD or arrows move, the mouse aims, left button or space fires, R restarts.""";

    static final String STDIN = """
            Standard input, one command a line: reload, rollback, stats, pause, resume, step, quit,
            spawn NAME=COUNT; looped editing: loop-start, loop-end, loop-off, generation N|next;
            tunables, tune NAME VALUE, tune undo, tune redo, panel; input MOVE_X MOVE_Y AIM_X AIM_Y
            FIRE (drive the player headless), input off. The whole reference is in docs/.""";

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** {@code demo}. */
    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = {"The playable game in a window, hot reload on, scripts from game-scripts/src/main/java.",
                "With no display it says so and runs the same game headless in the terminal."},
            footer = {"", HOTKEYS, "", STDIN})
    static final class Demo implements Callable<Integer> {
        @Mixin
        RunOptionsMixin opts;

        @Override
        public Integer call() {
            return new RunCommand(opts.options, true, Console.current()).call();
        }
    }

    /** {@code run}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"The engine with explicit options; --headless runs it with no window."},
            footer = {"", HOTKEYS, "", STDIN})
    static final class Run implements Callable<Integer> {
        @Mixin
        RunOptionsMixin opts;

        @Override
        public Integer call() {
            return new RunCommand(opts.options, false, Console.current()).call();
        }
    }

    public static void main(String[] args) {
        int code = execute(args, new Console(System.in, System.out, System.err, EventSink.NONE));
        System.exit(code);
    }

    /**
     * Runs the command line in this process and returns the exit code. Tests call this with their
     * own streams and a listener that sees every event as it is emitted.
     */
    public static int execute(String[] args, Console console) {
        Console.set(console);
        try {
            return parseAndRun(args, console.out(), console.err());
        } finally {
            Console.set(null);
        }
    }

    private static int parseAndRun(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        addBench(cl);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ParameterException ex, String[] a) -> {
            String where = ex.getCommandLine().getCommandName();
            String help = "pitstop".equals(where) ? "./pitstop --help" : "./pitstop " + where + " --help";
            err.println("pitstop: " + oneLine(ex) + " (see " + help + ")");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println("pitstop: " + ex);
            ex.printStackTrace(err);
            return 1;
        });
        return cl.execute(args);
    }

    private static String oneLine(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            return (first.startsWith("-") ? "unknown option '" : "unknown command or argument '") + first + "'";
        }
        String m = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** The benchmark lives in the tools module; offer it when that module is on the class path. */
    private static void addBench(CommandLine cl) {
        try {
            Class<?> bench = Class.forName("dev.pitstop.bench.BenchCommand");
            cl.addSubcommand("bench", bench.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            cl.addSubcommand("bench", new CommandLine(new MissingBench()));
        }
    }

    @Command(name = "bench", description = "The swap-latency benchmark (needs the tools module).")
    static final class MissingBench implements Callable<Integer> {
        @Override
        public Integer call() {
            System.err.println("pitstop: bench needs the tools module on the class path; run it through ./pitstop");
            return 2;
        }
    }
}
