package dev.pitstop.bench;

import dev.pitstop.api.Behaviour;
import dev.pitstop.sim.FreshWorld;
import dev.pitstop.bench.scripts.Behaviours;
import dev.pitstop.compile.ScriptCompiler;
import dev.pitstop.reload.GenerationClassLoader;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventLog;
import dev.pitstop.loop.Clock;
import dev.pitstop.loop.FixedStepLoop;
import dev.pitstop.sim.PlayerInput;
import dev.pitstop.sim.Simulation;
import dev.pitstop.sim.StatsReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The hotswap strategy's game JVM: the same world, simulation and fixed-step loop as
 * {@code ./pitstop run --headless}, but its scripts are loaded once, into one class loader, and
 * every edit is pushed into those very classes with {@link Instrumentation#redefineClasses}: the
 * JVM's own HotSwap, as a debugger applies it. It writes the engine's event log format ({@code
 * start}, {@code tick}, {@code stats}, {@code swap}, {@code rejected}, {@code stop}).
 *
 * <p>Threads: the main thread is the game thread. A second thread plays the debugger: it reads
 * {@code edit RELATIVE_PATH} lines from standard input, compiles that file, and redefines its
 * classes while the game runs, so the game thread stops only for the JVM's safepoint, which
 * {@code -Xlog:safepoint} records. {@code quit} (or the end of input) stops the game.
 *
 * <p>Started by the benchmark with {@code -Djdk.attach.allowAttachSelf=true} (byte-buddy-agent
 * attaches the instrumentation agent to this JVM) and {@code -Xlog:safepoint...:tn,tags}.
 */
final class HotswapHost implements FixedStepLoop.Ticker {

    private final Simulation sim;
    private final EventLog events;
    private final int statsEvery;
    private final Path scripts;
    private final ScriptCompiler compiler;
    private final Map<String, Class<?>> loaded;
    private final Instrumentation instrumentation;
    private volatile boolean stop;
    private volatile int generation = 1;
    private volatile long completedTicks;

    private HotswapHost(Simulation sim, EventLog events, int statsEvery, Path scripts, ScriptCompiler compiler,
            Map<String, Class<?>> loaded, Instrumentation instrumentation) {
        this.sim = sim;
        this.events = events;
        this.statsEvery = statsEvery;
        this.scripts = scripts;
        this.compiler = compiler;
        this.loaded = loaded;
        this.instrumentation = instrumentation;
        this.completedTicks = sim.world().tick;
    }

    /**
     * {@code --scripts DIR --events FILE --hz N --seed N --stats-every N [--spawn NAME=COUNT]...}
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, Integer> spawn = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--spawn")) {
                String[] kv = args[i + 1].split("=", 2);
                spawn.put(kv[0], Integer.parseInt(kv[1]));
            } else {
                opts.put(args[i], args[i + 1]);
            }
        }
        Path scripts = Path.of(opts.get("--scripts"));
        int hz = Integer.parseInt(opts.getOrDefault("--hz", "60"));
        long seed = Long.parseLong(opts.getOrDefault("--seed", "1"));
        int statsEvery = Integer.parseInt(opts.getOrDefault("--stats-every", "60"));

        ScriptCompiler compiler = new ScriptCompiler(ScriptCompiler.scriptClassPath());
        Map<String, byte[]> classes = compiler.compileText(readSources(scripts)).classesOrThrow();
        ClassLoader loader = GenerationClassLoader.of("hotswap", classes);
        Map<String, Class<?>> loaded = new TreeMap<>();
        for (String name : classes.keySet()) {
            loaded.put(name, loader.loadClass(name));
        }
        Map<String, Behaviour> behaviours = Behaviours.of(loader, classes.keySet());

        EventLog events = new EventLog();
        events.attachFile(Path.of(opts.get("--events")));
        Simulation sim = FreshWorld.headless(hz, seed, behaviours.keySet(), behaviours, spawn, events);
        Instrumentation inst = ByteBuddyAgent.install();
        if (!inst.isRedefineClassesSupported()) {
            throw new IllegalStateException("this JVM cannot redefine classes");
        }
        HotswapHost host = new HotswapHost(sim, events, statsEvery, scripts, compiler, loaded, inst);
        host.run();
        System.exit(0);
    }

    private static Map<String, String> readSources(Path root) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                sources.put(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return sources;
    }

    private void run() {
        events.emit(Event.of("start", sim.world().tick).with("generation", generation)
                .with("behaviours", new ArrayList<>(sim.scripts().names()))
                .with("entities", sim.world().entities.count).with("hz", sim.world().hz));
        Thread debugger = new Thread(this::readCommands, "pitstop-debugger");
        debugger.setDaemon(true);
        debugger.start();
        FixedStepLoop loop = new FixedStepLoop(sim.world().stepNanos, this);
        Clock clock = Clock.system();
        while (!stop) {
            loop.frame(clock.nanos());
            clock.sleep(Math.min(loop.nanosUntilNextTick(), 20_000_000L));
        }
        events.emit(StatsReport.of(sim));
        events.emit(Event.of("stop", sim.world().tick));
        events.close();
    }

    @Override
    public void beforeTick() {
        // Nothing to install: HotSwap changes the classes in place, from the debugger thread.
    }

    @Override
    public void tick() {
        int running = generation;
        long t0 = System.nanoTime();
        sim.tick(PlayerInput.NONE);
        long tickNanos = System.nanoTime() - t0;
        long tick = sim.world().tick;
        completedTicks = tick;
        events.emit(Event.of("tick", tick).with("generation", running).with("tickNanos", tickNanos));
        if (tick % statsEvery == 0) {
            events.emit(StatsReport.of(sim));
        }
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }

    private void readCommands() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.equals("quit")) {
                    break;
                }
                if (line.startsWith("edit ")) {
                    redefine(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // stdin closed: the benchmark is gone, stop.
        }
        stop = true;
    }

    /** What a debugger does on "apply code changes": compile the saved file, redefine its classes. */
    private void redefine(String relativePath) {
        try {
            long c0 = System.nanoTime();
            String text = Files.readString(scripts.resolve(relativePath), StandardCharsets.UTF_8);
            Map<String, byte[]> classes = compiler.compileText(Map.of(relativePath, text)).classesOrThrow();
            long c1 = System.nanoTime();
            List<ClassDefinition> definitions = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                Class<?> c = loaded.get(e.getKey());
                if (c == null) {
                    throw new UnsupportedOperationException("HotSwap cannot add class " + e.getKey());
                }
                definitions.add(new ClassDefinition(c, e.getValue()));
                if (Behaviour.class.isAssignableFrom(c)) {
                    changed.add(c.getSimpleName());
                }
            }
            long r0 = System.nanoTime();
            instrumentation.redefineClasses(definitions.toArray(new ClassDefinition[0]));
            long r1 = System.nanoTime();
            // Ticks done when the new code was in place: the next one to end is the first that ran it.
            long done = completedTicks;
            int from = generation;
            generation = from + 1;
            events.emit(Event.of("swap", done).with("fromGeneration", from).with("toGeneration", from + 1)
                    .with("changed", changed)
                    .with("compileMs", Math.round((c1 - c0) / 10_000.0) / 100.0)
                    .with("redefineMicros", Math.round((r1 - r0) / 100.0) / 10.0)
                    .with("redefineStartNanos", r0)
                    .with("redefineEndNanos", r1));
        } catch (Exception | LinkageError e) {
            events.emit(Event.of("rejected", completedTicks).with("generation", generation + 1)
                    .with("reason", "hotswap").with("diagnostics", List.of(Map.of("file", relativePath,
                            "line", 0, "message", String.valueOf(e)))));
        }
    }
}
