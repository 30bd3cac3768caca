package dev.pitstop.reload;

import dev.pitstop.events.EventSink;
import dev.pitstop.compile.ScriptCompiler;
import dev.pitstop.guard.BudgetExceeded;
import dev.pitstop.guard.WorkBudget;
import dev.pitstop.loop.Clock;
import dev.pitstop.reload.bytecode.HostApi;
import dev.pitstop.sim.ErrorText;
import dev.pitstop.sim.ScriptLine;
import dev.pitstop.sim.ScriptLocator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Pitstop's reload for a host that is not our game (another engine's loop, a tool): a folder of
 * Java sources whose public classes implement the host's script type, each with a public no-argument
 * constructor. A save is compiled in the compile JVM, checked by the sandbox (the JDK's members as
 * the member table allows, the host's own API as {@link HostApi} lists it), instrumented with the
 * work budget, loaded into a fresh class loader and the script classes instantiated off the host's
 * thread under a deadline (a helper class's static initializer runs when a script first uses it,
 * under that call's budget); the host takes the new scripts between two ticks through the {@link ReloadSeam} and
 * runs them with {@link #call}, under a work budget and a wall-clock backstop. A version that does
 * not compile, is refused or fails to construct never goes live: a {@code rejected} event says why,
 * by file and line, and the old scripts run on. Scripts get no trial run on a copy of a world (the
 * host's world is its own); a call that fails is the host's to handle ({@link Failure}).
 *
 * <p>Thread use: {@link #start} and {@link #close} on the host's main thread; {@link #wakeWith}
 * before its loop; {@link #betweenTicks} and {@link #call} on the loop's thread ({@code call} is not
 * reentrant: a host API method a script calls must not call a script in turn); the rest runs on
 * a reload thread of its own, a watcher thread and a script worker.
 *
 * @param <T> the host's script type
 */
public final class HostScripts<T> implements ReloadSeam<HostScripts.Live<T>, Void>, AutoCloseable {

    /**
     * The scripts of one version, by class name in order (a script in no package: its simple name),
     * ready to run.
     *
     * @param generation the version's number, from 1
     */
    public record Live<T>(int generation, Map<String, T> scripts) {
        public Live {
            scripts = java.util.Collections.unmodifiableMap(new TreeMap<>(scripts));
        }
    }

    /** A call into script code that threw, or was stopped by its budget; {@link #getMessage} names file and line. */
    public static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Work units a call into a script may use, the game's default for one update. */
    public static final long CALL_BUDGET_UNITS = Safety.DEFAULT_BUDGET_UNITS;

    private final Class<T> type;
    private final Map<String, Class<?>> hostTypes;
    private final ScriptFolder folder;
    private final CompilerProcess javac;
    private final IncrementalCompiler compiler;
    private final ReloadEvents events;
    private final ReloadTrigger trigger;
    private final ScriptWorker scripts = new ScriptWorker("pitstop-host-scripts");
    private final long quietNanos;
    private final AtomicReference<Live<T>> ready = new AtomicReference<>();
    private volatile Runnable wake = () -> { };
    private volatile long tick;
    private volatile ScriptLocator locator = name -> null;
    private int number;
    /** The content of the last attempt: the same content again builds nothing (reload thread). */
    private String lastHash;
    private ChangeWatcher watcher = ChangeWatcher.OFF;
    private Thread worker;

    private HostScripts(Path folder, Class<T> type, List<Class<?>> hostApi, EventSink events, long quietMillis) {
        this.type = type;
        Map<String, Class<?>> types = new TreeMap<>();
        for (Class<?> c : hostApi) {
            HostApi.allow(c);
            types.put(c.getName(), c);
        }
        this.hostTypes = types;
        this.folder = new ScriptFolder(folder, ScriptFolder.Kind.SOURCES);
        this.javac = CompilerProcess.start(classPath(hostApi), hostApi.stream().map(Class::getPackageName).distinct().toList(), null);
        this.compiler = new IncrementalCompiler(javac);
        this.events = new ReloadEvents(events, () -> tick);
        this.trigger = new ReloadTrigger(Clock.system(), 0);
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(quietMillis);
    }

    /**
     * Builds the scripts in {@code folder} (the first version, on the calling thread), then watches
     * the folder: every save that builds goes live at the host's next {@link #betweenTicks}.
     *
     * @param type        what every script class implements (one of {@code hostApi})
     * @param hostApi     the host's own types scripts may use, {@code type} among them
     * @param events      where {@code reload}, {@code rejected} and {@code warning} events go (any thread)
     * @param quietMillis how long the folder must be quiet after a save before it is built
     * @throws ScriptLoadException when the first version does not build
     */
    public static <T> HostScripts<T> start(Path folder, Class<T> type, List<Class<?>> hostApi, EventSink events,
            long quietMillis) throws ScriptLoadException, IOException {
        if (!hostApi.contains(type)) {
            throw new IllegalArgumentException(type.getName() + " must be one of the host's API types");
        }
        HostScripts<T> host = new HostScripts<>(folder, type, hostApi, events, quietMillis);
        try {
            SourceSet files = host.folder.read();
            host.lastHash = files.hash();
            host.ready.set(host.build(files, System.nanoTime(), "start"));
            host.watcher = new NativeWatcher(folder, host.trigger::fileChanged);
            host.watcher.start();
        } catch (Rejection r) {
            host.close();
            throw new ScriptLoadException(r.reason(), r.diagnostics());
        } catch (IOException | RuntimeException | Error e) {
            host.close(); // the compile JVM, its timer and the script worker go with it
            throw e;
        }
        host.worker = new Thread(host::run, "pitstop-host-reload");
        host.worker.setDaemon(true);
        host.worker.start();
        return host;
    }

    /** javac's class path: the API, JOML, and where the host's types are loaded from. */
    private static List<Path> classPath(List<Class<?>> hostApi) {
        Set<Path> paths = new LinkedHashSet<>(ScriptCompiler.scriptClassPath());
        for (Class<?> c : hostApi) {
            paths.add(ScriptCompiler.locationOf(c));
        }
        return List.copyOf(paths);
    }

    @Override
    public Live<T> betweenTicks(long tick, Void world) {
        this.tick = tick;
        return ready.getAndSet(null);
    }

    @Override
    public void wakeWith(Runnable wake) {
        this.wake = wake;
    }

    /**
     * Runs {@code call} on {@code script} under a work budget of {@link #CALL_BUDGET_UNITS} and
     * the wall-clock backstop; the loop's thread.
     *
     * @throws Failure if the script threw or was stopped, naming the script's file and line
     */
    public <R> R call(T script, Function<? super T, R> call) {
        WorkBudget.begin(CALL_BUDGET_UNITS);
        R result = null;
        Throwable failed = null;
        try {
            result = call.apply(script);
        } catch (Throwable t) {
            failed = t;
        } finally {
            WorkBudget.end();
        }
        if (failed == null) {
            failed = WorkBudget.lastRunBackstop();
        }
        if (failed == null) {
            return result;
        }
        ScriptLine where = ErrorText.scriptLine(failed, locator);
        String what = failed instanceof BudgetExceeded ? failed.getMessage() : ErrorText.text(failed);
        throw new Failure((where == null ? script.getClass().getSimpleName() : where.toString()) + ": " + what, failed);
    }

    private void run() {
        while (true) {
            try {
                ReloadTrigger.Build next = trigger.await();
                if (next == null) {
                    return;
                }
                // A host's save is built once the folder is quiet: no speculative build.
                long seen;
                do {
                    seen = trigger.changes();
                    trigger.awaitChangeOrQuiet(seen, quietNanos);
                } while (trigger.quietLeftNanos(quietNanos) > 0 || trigger.changes() != seen);
                trigger.next(); // the events of the burst are all in what is read now
                if (trigger.closed()) {
                    return;
                }
                SourceSet files = folder.read();
                if (files.hash().equals(lastHash)) {
                    continue; // the same content again (a touch, an editor's second write): nothing to build
                }
                lastHash = files.hash();
                try {
                    Live<T> live = build(files, next.sinceNanos(), next.trigger());
                    if (trigger.closed()) {
                        return;
                    }
                    ready.set(live);
                    wake.run();
                } catch (Rejection r) {
                    events.rejected(number, r.reason(), r.diagnostics());
                }
            } catch (InterruptedException | CancellationException e) {
                return;
            } catch (RuntimeException | Error e) {
                // Whatever it was, the reload thread goes on: the next save is built as usual.
                events.error("reload failed: " + e);
            }
        }
    }

    /** One version: compile, check, load, construct. Reload thread (the caller's for the first). */
    private Live<T> build(SourceSet files, long sinceNanos, String cause) throws Rejection {
        int n = ++number;
        long t0 = System.nanoTime();
        events.detected(n, (t0 - sinceNanos) / 1e6, cause);
        CompileResult compiled = n == 1 ? compiler.full(files) : compiler.compile(files);
        long t1 = System.nanoTime();
        events.emit(events.phaseEvent(n, "compiled", (t1 - t0) / 1e6).with("files", compiled.compiledFiles()));
        if (!compiled.ok()) {
            throw new Rejection("compile", compiled.errors());
        }
        if (compiled.classes().isEmpty()) {
            throw new Rejection("verify", new Diagnostic(null, 0, 0, "no script classes in " + folder.root()));
        }
        GenerationBuilder.Checked checked = ClassChecks.check(compiled.classes(), compiled.sourceOf(),
                new SourceLines(files.files()), Safety.DEFAULT);
        long t2 = System.nanoTime();
        events.phase(n, "verified", (t2 - t1) / 1e6);
        ScriptLocator where = checked.files()::get;
        GenerationClassLoader loader = new GenerationClassLoader(n, null, checked.classes(), hostTypes);
        Map<String, T> made = construct(n, loader, checked, where);
        events.phase(n, "loaded", (System.nanoTime() - t2) / 1e6);
        locator = where;
        return new Live<>(n, made);
    }

    /** Every class implementing the script type, made with its no-argument constructor on the script worker. */
    private Map<String, T> construct(int n, GenerationClassLoader loader, GenerationBuilder.Checked checked,
            ScriptLocator where) throws Rejection {
        try {
            return scripts.call(() -> {
                Map<String, T> made = new TreeMap<>();
                List<Diagnostic> problems = new ArrayList<>();
                for (String name : checked.classes().keySet()) {
                    Class<?> c = load(loader, name, where);
                    if (!type.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(c.getModifiers())
                            || c.isAnonymousClass() || c.isLocalClass() || !Modifier.isPublic(c.getModifiers())) {
                        continue; // a script is a public class of its own; helpers may implement the type too
                    }
                    String what = c.getName() + "'s static initializer or constructor failed: ";
                    WorkBudget.begin(Safety.DEFAULT.initializerBudgetUnits(), Safety.INITIALIZER_BACKSTOP_MILLIS);
                    try {
                        Object o = c.getConstructor().newInstance();
                        made.put(c.getName(), type.cast(o));
                    } catch (NoSuchMethodException e) {
                        problems.add(new Diagnostic(where.sourceOf(name), 0, 0, c.getName()
                                + " needs a public constructor without parameters"));
                    } catch (InvocationTargetException | ExceptionInInitializerError e) {
                        problems.add(failure(e.getCause() == null ? e : e.getCause(), what, where));
                    } catch (ReflectiveOperationException e) {
                        problems.add(new Diagnostic(where.sourceOf(name), 0, 0, c.getName() + ": " + e));
                    } catch (Error e) {
                        // From a static initializer an Error arrives unwrapped (JLS 12.4.2): the
                        // budget's, a stack overflow. Left to fly, it would end the reload thread.
                        problems.add(failure(e, what, where));
                    } finally {
                        WorkBudget.end();
                    }
                }
                if (!problems.isEmpty()) {
                    throw new Rejection("verify", problems);
                }
                if (made.isEmpty()) {
                    throw new Rejection("verify", new Diagnostic(null, 0, 0, "no class in " + folder.root()
                            + " implements " + type.getSimpleName()));
                }
                return made;
            });
        } catch (ScriptWorker.Stuck stuck) {
            ScriptLine at = ErrorText.scriptLine(stuck.stack(), where);
            events.stuck(n, stuck.workerName(), "thread " + stuck.threadName() + " is stuck in script code"
                    + (at == null ? "" : " at " + at) + "; it is left behind");
            throw new Rejection("verify", Diagnostic.at(at, "a static initializer or constructor did not finish within "
                    + ScriptWorker.DEADLINE_MILLIS + " ms"));
        }
    }

    private static Diagnostic failure(Throwable t, String what, ScriptLocator where) {
        return Diagnostic.at(ErrorText.scriptLine(t, where),
                what + (t instanceof BudgetExceeded ? t.getMessage() : ErrorText.text(t)));
    }

    private static Class<?> load(GenerationClassLoader loader, String name, ScriptLocator where) throws Rejection {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new Rejection("verify", new Diagnostic(where.sourceOf(name), 0, 0, "cannot load " + name + ": " + e));
        }
    }

    @Override
    public void close() {
        watcher.close();
        javac.close();
        trigger.close();
        scripts.close();
        if (worker != null) {
            try {
                worker.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
