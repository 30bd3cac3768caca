package dev.pitstop.reload.bytecode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The rules about classes and bootstraps around the scripts' member table ({@link MemberTable}):
 * a class scripts may name is one the table lists (and does not refuse whole); for every other
 * class the reason a user is told comes from here, by class and by package ({@code java.io}:
 * files; {@code java.util.concurrent}: threads, or waiting). Members are the table's business.
 * Also the invokedynamic bootstraps javac emits, which scripts may use. Classes are internal
 * names ({@code java/lang/String}). Immutable; any thread.
 */
final class SandboxPolicy {

    static final String NOT_LISTED = "it is not on the scripts' allowlist: no cost is known for it";
    static final String WAITS = "it waits: a script may not block its thread";
    static final String ENGINE = "engine internals: scripts see the engine only through dev.pitstop.api";
    static final String RAW_MEMORY = "it reads and writes raw memory";
    static final String FILES = "files, streams and the console are outside the game";
    static final String NETWORK = "the network is outside the game";
    static final String THREADS = "scripts run on the game thread only";
    static final String MONITOR = "a monitor can block the game thread";
    static final String PARALLEL = "parallel streams run on other threads";
    static final String REGEX = "regular expressions run outside the work budget";
    static final String RANDOM = "World.random() is the only random source, so that a replay comes out the same";
    static final String CLOCK = "the clock differs from run to run, so a replay would not come out the same";
    static final String REFLECTION = "reflection and method handles reach around the sandbox";
    static final String CLASS_LOADING = "loading classes reaches around the sandbox";
    static final String OUTSIDE = "it reaches the JVM and the machine outside the game";
    static final String JVM_STATE = "it changes state shared by the whole JVM";
    static final String STACK = "the engine reads stack traces to name the line that failed";
    static final String INTERNALS = "JDK internals";

    private static final Map<String, String> JAVA_LANG_DENIED = Map.ofEntries(
            Map.entry("Thread", THREADS), Map.entry("ThreadGroup", THREADS), Map.entry("ThreadLocal", THREADS),
            Map.entry("InheritableThreadLocal", THREADS), Map.entry("System", OUTSIDE), Map.entry("Runtime", OUTSIDE),
            Map.entry("ProcessBuilder", OUTSIDE), Map.entry("Process", OUTSIDE), Map.entry("ProcessHandle", OUTSIDE),
            Map.entry("SecurityManager", OUTSIDE), Map.entry("Class", REFLECTION), Map.entry("ClassValue", REFLECTION),
            Map.entry("Module", REFLECTION), Map.entry("ModuleLayer", REFLECTION), Map.entry("Package", REFLECTION),
            Map.entry("StackWalker", REFLECTION), Map.entry("StackTraceElement", STACK), Map.entry("Compiler", OUTSIDE),
            Map.entry("ClassLoader", CLASS_LOADING));

    /** Classes denied inside otherwise allowed packages. */
    private static final Map<String, String> DENIED_CLASSES = Map.ofEntries(
            Map.entry("java/util/Random", RANDOM), Map.entry("java/util/SplittableRandom", RANDOM),
            Map.entry("java/util/Date", CLOCK), Map.entry("java/util/Calendar", CLOCK),
            Map.entry("java/util/GregorianCalendar", CLOCK), Map.entry("java/util/TimeZone", CLOCK),
            Map.entry("java/util/SimpleTimeZone", CLOCK), Map.entry("java/util/Timer", THREADS),
            Map.entry("java/util/TimerTask", THREADS), Map.entry("java/util/ServiceLoader", CLASS_LOADING),
            Map.entry("java/util/ResourceBundle", CLASS_LOADING), Map.entry("java/util/ListResourceBundle", CLASS_LOADING),
            Map.entry("java/util/PropertyResourceBundle", CLASS_LOADING), Map.entry("java/util/Scanner", REGEX),
            Map.entry("java/util/stream/StreamSupport", PARALLEL), Map.entry("org/joml/MemUtil", RAW_MEMORY),
            Map.entry("java/util/concurrent/CountDownLatch", WAITS), Map.entry("java/util/concurrent/CyclicBarrier", WAITS),
            Map.entry("java/util/concurrent/Semaphore", WAITS), Map.entry("java/util/concurrent/Phaser", WAITS),
            Map.entry("java/util/concurrent/Exchanger", WAITS), Map.entry("java/util/concurrent/Future", WAITS),
            Map.entry("java/util/concurrent/CompletableFuture", WAITS), Map.entry("java/util/concurrent/FutureTask", WAITS),
            Map.entry("java/util/concurrent/BlockingQueue", WAITS), Map.entry("java/util/concurrent/ArrayBlockingQueue", WAITS),
            Map.entry("java/util/concurrent/LinkedBlockingQueue", WAITS), Map.entry("java/util/concurrent/SynchronousQueue", WAITS),
            Map.entry("java/util/concurrent/TimeUnit", WAITS));

    /** Package prefixes (with their trailing slash) and why they are denied; the first match wins. */
    private static final List<Map.Entry<String, String>> DENIED_PACKAGES = List.of(
            Map.entry("java/io/", FILES), Map.entry("java/nio/", FILES), Map.entry("java/net/", NETWORK),
            Map.entry("java/util/concurrent/locks/", WAITS), Map.entry("java/util/concurrent/", THREADS), Map.entry("java/util/regex/", REGEX),
            Map.entry("java/util/random/", RANDOM), Map.entry("java/time/", CLOCK),
            Map.entry("java/lang/reflect/", REFLECTION), Map.entry("java/lang/invoke/", REFLECTION),
            Map.entry("java/lang/runtime/", REFLECTION), Map.entry("java/lang/ref/", THREADS),
            Map.entry("java/lang/management/", OUTSIDE), Map.entry("java/lang/instrument/", OUTSIDE),
            Map.entry("java/security/", OUTSIDE), Map.entry("javax/", OUTSIDE), Map.entry("sun/", INTERNALS),
            Map.entry("jdk/", INTERNALS), Map.entry("com/sun/", INTERNALS), Map.entry("dev/pitstop/", ENGINE));

    /** Members of classes scripts may not use whose own reason says more than their class's. */
    private static final Map<String, String> DENIED_MEMBERS = Map.of(
            "java/lang/Thread.sleep", WAITS, "java/lang/Thread.join", WAITS, "java/lang/Thread.onSpinWait", WAITS,
            "java/lang/Thread.yield", WAITS);

    /** Bootstrap methods javac emits, as owner.name. */
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat", "java/lang/runtime/ObjectMethods.bootstrap",
            "java/lang/runtime/SwitchBootstraps.typeSwitch", "java/lang/runtime/SwitchBootstraps.enumSwitch");

    static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private SandboxPolicy() {
    }

    /**
     * Why scripts may not use class {@code internalName} at all (not a script's own), or null if
     * they may: the member table lists it and does not refuse it whole.
     */
    static String classDenial(String internalName) {
        MemberTable table = MemberTable.get();
        if (table.knows(internalName)) {
            MemberCost whole = table.classDefault(internalName);
            return whole instanceof MemberCost.Refused r ? r.reason() : null;
        }
        int dollar = internalName.indexOf('$');
        String outer = dollar < 0 ? internalName : internalName.substring(0, dollar);
        String denied = DENIED_CLASSES.get(outer);
        if (denied != null) {
            return denied;
        }
        if (outer.startsWith("java/lang/") && outer.indexOf('/', "java/lang/".length()) < 0) {
            return JAVA_LANG_DENIED.getOrDefault(outer.substring("java/lang/".length()), NOT_LISTED);
        }
        for (Map.Entry<String, String> e : DENIED_PACKAGES) {
            if (outer.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return NOT_LISTED;
    }

    /** Why a member of a class scripts may not use is refused, when it has a reason of its own, or null. */
    static String memberDenial(String owner, String name) {
        return DENIED_MEMBERS.get(owner + "." + name);
    }

    /** Whether an invokedynamic may use this bootstrap method. */
    static boolean bootstrapAllowed(Handle bootstrap) {
        return bootstrap.getTag() == Opcodes.H_INVOKESTATIC
                && BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName());
    }
}
