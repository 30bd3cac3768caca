package dev.pitstop.reload.bytecode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * What scripts may use outside their own classes: an allowlist by package and class, with denials
 * of single members, each with the reason a user is told. Classes are internal names
 * ({@code java/lang/String}); nested classes follow their outer class. The allowlist:
 * <ul>
 * <li>{@code dev.pitstop.api}; {@code org.joml} and its sub-packages, except {@code MemUtil} and
 *     every {@code *Address} method (raw memory);</li>
 * <li>from {@code java.lang}: {@code Object} (not {@code wait}/{@code notify}/{@code notifyAll}),
 *     the boxes and {@code Number}, {@code Math}/{@code StrictMath} (not {@code random}),
 *     {@code String} (not its regular-expression methods nor {@code intern}),
 *     {@code StringBuilder}, {@code Character}, {@code CharSequence}, {@code Iterable},
 *     {@code Comparable}, {@code Runnable}, {@code AutoCloseable}, {@code Cloneable},
 *     {@code Appendable}, {@code Record}, {@code Enum}, the annotations javac knows, and every
 *     {@code Throwable} (not printing or touching stack traces: the engine reads them to name the
 *     failing line); of {@code System} only {@code arraycopy}, of {@code Class} only
 *     {@code desiredAssertionStatus} (javac's {@code assert} needs it);</li>
 * <li>{@code java.util}, {@code java.util.function}, {@code java.util.stream}, except: random
 *     sources ({@code Random}, {@code SplittableRandom}, {@code UUID.randomUUID},
 *     {@code Collections.shuffle(List)}), the clock ({@code Date}, {@code Calendar},
 *     {@code TimeZone}), threads ({@code Timer}), class loading ({@code ServiceLoader},
 *     {@code ResourceBundle}), {@code Scanner} (regular expressions), {@code Formatter} on files,
 *     {@code Locale.setDefault}, and everything parallel ({@code parallelStream},
 *     {@code parallel}, {@code Arrays.parallel*}, {@code StreamSupport});</li>
 * <li>invokedynamic only with the bootstraps javac emits: {@code LambdaMetafactory},
 *     {@code StringConcatFactory}, {@code ObjectMethods} (records), {@code SwitchBootstraps}.</li>
 * </ul>
 * Everything else is denied: {@code java.io}, {@code java.nio}, {@code java.net}, threads and
 * {@code java.util.concurrent}, reflection and {@code java.lang.invoke}, class loaders,
 * {@code Runtime}, processes, {@code java.util.regex}, {@code sun.*}, {@code jdk.internal.*}, the
 * engine's own packages. Immutable; any thread.
 */
final class SandboxPolicy {

    static final String NOT_LISTED = "it is not on the scripts' allowlist";
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

    private static final Set<String> JAVA_LANG = Set.of("Object", "String", "StringBuilder", "CharSequence",
            "Character", "Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double", "Number", "Void", "Math",
            "StrictMath", "Iterable", "Comparable", "Runnable", "AutoCloseable", "Cloneable", "Appendable", "Record",
            "Enum", "Override", "Deprecated", "FunctionalInterface", "SafeVarargs", "SuppressWarnings");

    private static final Map<String, String> JAVA_LANG_DENIED = Map.ofEntries(
            Map.entry("Thread", THREADS), Map.entry("ThreadGroup", THREADS), Map.entry("ThreadLocal", THREADS),
            Map.entry("InheritableThreadLocal", THREADS), Map.entry("System", OUTSIDE), Map.entry("Runtime", OUTSIDE),
            Map.entry("ProcessBuilder", OUTSIDE), Map.entry("Process", OUTSIDE), Map.entry("ProcessHandle", OUTSIDE),
            Map.entry("SecurityManager", OUTSIDE), Map.entry("Class", REFLECTION), Map.entry("ClassValue", REFLECTION),
            Map.entry("Module", REFLECTION), Map.entry("ModuleLayer", REFLECTION), Map.entry("Package", REFLECTION),
            Map.entry("StackWalker", REFLECTION), Map.entry("StackTraceElement", STACK),
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
            Map.entry("java/util/stream/StreamSupport", PARALLEL), Map.entry("org/joml/MemUtil", RAW_MEMORY));

    /** Package prefixes (with their trailing slash) and why they are denied; the first match wins. */
    private static final List<Map.Entry<String, String>> DENIED_PACKAGES = List.of(
            Map.entry("java/io/", FILES), Map.entry("java/nio/", FILES), Map.entry("java/net/", NETWORK),
            Map.entry("java/util/concurrent/", THREADS), Map.entry("java/util/regex/", REGEX),
            Map.entry("java/util/random/", RANDOM), Map.entry("java/time/", CLOCK),
            Map.entry("java/lang/reflect/", REFLECTION), Map.entry("java/lang/invoke/", REFLECTION),
            Map.entry("java/lang/runtime/", REFLECTION), Map.entry("java/lang/ref/", THREADS),
            Map.entry("java/lang/management/", OUTSIDE), Map.entry("java/lang/instrument/", OUTSIDE),
            Map.entry("java/security/", OUTSIDE), Map.entry("javax/", OUTSIDE), Map.entry("sun/", INTERNALS),
            Map.entry("jdk/", INTERNALS), Map.entry("com/sun/", INTERNALS), Map.entry("dev/pitstop/", ENGINE));

    /** Members of denied classes that scripts may use after all. */
    private static final Set<String> ALLOWED_MEMBERS = Set.of(
            "java/lang/System.arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V",
            "java/lang/Class.desiredAssertionStatus()Z");

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
     * they may.
     */
    static String classDenial(String internalName) {
        int dollar = internalName.indexOf('$');
        String outer = dollar < 0 ? internalName : internalName.substring(0, dollar);
        String pkg = outer.lastIndexOf('/') < 0 ? "" : outer.substring(0, outer.lastIndexOf('/'));
        String denied = DENIED_CLASSES.get(outer);
        if (denied != null) {
            return denied;
        }
        switch (pkg) {
            case "dev/pitstop/api", "java/util", "java/util/function", "java/util/stream":
                return null;
            case "java/lang":
                String simple = outer.substring("java/lang/".length());
                if (JAVA_LANG.contains(simple) || LibraryTypes.isThrowable(internalName)) {
                    return null;
                }
                return JAVA_LANG_DENIED.getOrDefault(simple, NOT_LISTED);
            default:
                break;
        }
        if (pkg.equals("org/joml") || pkg.startsWith("org/joml/")) {
            return null;
        }
        for (Map.Entry<String, String> e : DENIED_PACKAGES) {
            if (outer.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return NOT_LISTED;
    }

    /** Members of otherwise denied classes that scripts may use (javac's own output needs one). */
    static boolean memberAllowed(String owner, String name, String descriptor) {
        return ALLOWED_MEMBERS.contains(owner + "." + name + descriptor);
    }

    /**
     * Why scripts may not use this member of a class they may use, or null. {@code declaringType}
     * is the owner named in the code or any of its super types: rules hold for subclasses too.
     */
    static String memberDenial(String declaringType, String name, String descriptor) {
        if (declaringType.startsWith("org/joml/") && name.endsWith("Address")) {
            return RAW_MEMORY;
        }
        switch (declaringType) {
            case "java/lang/Object":
                return name.equals("wait") || name.equals("notify") || name.equals("notifyAll") ? MONITOR : null;
            case "java/lang/Throwable":
                return name.equals("printStackTrace") ? FILES
                        : name.equals("getStackTrace") || name.equals("setStackTrace") || name.equals("fillInStackTrace")
                        ? STACK : null;
            case "java/lang/String":
                return switch (name) {
                    case "matches", "split", "splitWithDelimiters", "replaceAll", "replaceFirst" -> REGEX;
                    case "intern" -> JVM_STATE;
                    default -> null;
                };
            case "java/lang/Math", "java/lang/StrictMath":
                return name.equals("random") ? RANDOM : null;
            case "java/lang/Integer", "java/lang/Long", "java/lang/Boolean":
                return name.equals("getInteger") || name.equals("getLong") || name.equals("getBoolean") ? OUTSIDE : null;
            case "java/util/Collection":
                return name.equals("parallelStream") ? PARALLEL : null;
            case "java/util/stream/BaseStream":
                return name.equals("parallel") ? PARALLEL : null;
            case "java/util/Arrays":
                return name.startsWith("parallel") ? PARALLEL : null;
            case "java/util/Collections":
                return name.equals("shuffle") && descriptor.equals("(Ljava/util/List;)V") ? RANDOM : null;
            case "java/util/UUID":
                return name.equals("randomUUID") ? RANDOM : null;
            case "java/util/Locale":
                return name.equals("setDefault") ? JVM_STATE : null;
            case "java/util/Formatter":
                return name.equals("<init>") && (descriptor.startsWith("(Ljava/lang/String;")
                        || descriptor.startsWith("(Ljava/io/")) ? FILES : null;
            default:
                return null;
        }
    }

    /** Whether an invokedynamic may use this bootstrap method. */
    static boolean bootstrapAllowed(Handle bootstrap) {
        return bootstrap.getTag() == Opcodes.H_INVOKESTATIC
                && BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName());
    }
}
