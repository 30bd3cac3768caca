package dev.pitstop.reload;

import dev.pitstop.api.Behaviour;
import dev.pitstop.guard.WorkBudget;
import dev.pitstop.reload.bytecode.BudgetInstrumenter;
import dev.pitstop.reload.bytecode.ClassFacts;
import dev.pitstop.reload.bytecode.SandboxScanner;
import dev.pitstop.reload.bytecode.SandboxViolation;
import dev.pitstop.sim.ErrorText;
import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.world.SlotTable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns class bytes into a {@link Generation}: checks the shape of every class, holds their code
 * against the sandbox and adds the work budget to it (unless scripts are trusted), defines them all
 * in a new {@link GenerationClassLoader}, resolves every class they refer to, runs their static
 * initializers, and makes one instance of each behaviour. Anything wrong is a {@link Rejection}
 * (reason {@code sandbox} or {@code verify}) naming the file, so a missing class, a forbidden call
 * or a throwing or endless constructor never reaches the game thread. Reload thread only (or the
 * main thread, for generation 1).
 */
final class GenerationBuilder {

    private static final String[] RESERVED_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "dev.pitstop.", "org.joml."};

    private final Safety safety;

    GenerationBuilder(Safety safety) {
        this.safety = safety;
    }

    /** A built generation and what the user should be told about it. */
    record Built(Generation generation, List<String> warnings) { }

    /** Classes that passed the checks made before anything is loaded. */
    record Checked(Map<String, byte[]> classes, Map<String, ClassFacts> facts, Map<String, String> files,
            SourceLines lines) { }

    /**
     * Reads every class file and checks what can be checked without loading: well-formed, named as
     * expected, not in a package reserved for the platform or the engine; then, unless scripts are
     * trusted, the sandbox, and the work budget is added to the classes that will be loaded.
     *
     * @param classes  class bytes by binary name
     * @param sourceOf source file (relative to the script folder) by class name, where known
     */
    Checked check(Map<String, byte[]> classes, Map<String, String> sourceOf, SourceLines lines) throws Rejection {
        Map<String, ClassFacts> facts = readFacts(classes, sourceOf);
        Map<String, String> files = locate(facts, sourceOf);
        if (safety.trusted()) {
            return new Checked(classes, facts, files, lines);
        }
        sandbox(classes, files, lines);
        return new Checked(instrument(classes, files, lines), facts, files, lines);
    }

    private static void sandbox(Map<String, byte[]> classes, Map<String, String> files, SourceLines lines)
            throws Rejection {
        List<SandboxViolation> found = SandboxScanner.scan(classes);
        if (found.isEmpty()) {
            return;
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            SandboxViolation v = found.get(i);
            String file = files.get(v.className());
            long line = v.line() > 0 ? v.line() : lines.declaration(file, v.className());
            diagnostics.add(new Diagnostic(file, line, 0, i < SandboxScanner.MAX_VIOLATIONS ? v.message()
                    : "and more uses of what scripts may not use; only the first " + SandboxScanner.MAX_VIOLATIONS
                    + " are listed"));
        }
        throw new Rejection("sandbox", diagnostics);
    }

    private static Map<String, byte[]> instrument(Map<String, byte[]> classes, Map<String, String> files,
            SourceLines lines) throws Rejection {
        try {
            return BudgetInstrumenter.instrument(classes);
        } catch (BudgetInstrumenter.Failure ex) {
            String file = files.get(ex.className());
            throw verify(file, lines.declaration(file, ex.className()), ex.getMessage());
        }
    }

    /** Script code on this thread from here to {@link #endRun()} may do one budget's work. */
    private void startRun() {
        if (!safety.trusted()) {
            WorkBudget.begin(safety.budgetUnits());
        }
    }

    private void endRun() {
        if (!safety.trusted()) {
            WorkBudget.end();
        }
    }

    /**
     * Loads checked classes as generation {@code number}.
     *
     * @param mustStay names that, if a class still has that simple name, must still be behaviours
     * @param slots    the world's slot table, to align the new table to
     */
    /**
     * @param earlier  the last built generation, or null: a behaviour whose code (its classes and
     *                 every script class they use) is byte for byte the same keeps that
     *                 generation's instance, whose code the JIT has already compiled, so a swap
     *                 brings back cold only what the edit changed
     */
    Built load(int number, Checked checked, Map<String, String> fileHashes, Collection<String> mustStay, SlotTable slots,
            Generation earlier) throws Rejection {
        Map<String, byte[]> classes = checked.classes();
        Map<String, ClassFacts> facts = checked.facts();
        Map<String, String> files = checked.files();
        SourceLines lines = checked.lines();
        ScriptLocator locator = files::get;

        GenerationClassLoader loader = new GenerationClassLoader(number, classes);
        Map<String, Class<?>> loaded = new TreeMap<>();
        for (String name : facts.keySet()) {
            try {
                loaded.put(name, Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                throw verify(files.get(name), lines.declaration(files.get(name), name), "cannot load class " + name + ": " + e);
            }
        }
        resolveReferences(facts, files, lines, loader);
        for (Map.Entry<String, Class<?>> e : loaded.entrySet()) {
            startRun();
            try {
                Class.forName(e.getKey(), true, loader);
            } catch (ExceptionInInitializerError ex) {
                Throwable cause = ex.getCause() == null ? ex : ex.getCause();
                throw thrown(cause, locator, files.get(e.getKey()), lines.declaration(files.get(e.getKey()), e.getKey()),
                        "static initializer of " + simpleName(e.getKey()) + " threw ");
            } catch (ClassNotFoundException | LinkageError ex) {
                throw verify(files.get(e.getKey()), lines.declaration(files.get(e.getKey()), e.getKey()),
                        "cannot link class " + e.getKey() + ": " + ex);
            } catch (Error ex) {
                // An Error from a static initializer arrives unwrapped (JLS 12.4.2): the work budget's,
                // a stack overflow, an assertion. Left to fly, it would end the reload thread.
                throw thrown(ex, locator, files.get(e.getKey()), lines.declaration(files.get(e.getKey()), e.getKey()),
                        "static initializer of " + simpleName(e.getKey()) + " threw ");
            } finally {
                endRun();
            }
        }

        Map<String, Behaviour> behaviours = new TreeMap<>();
        Map<String, String> behaviourClass = new HashMap<>();
        for (Class<?> c : loaded.values()) {
            if (!isBehaviourClass(c)) {
                continue;
            }
            String file = files.get(c.getName());
            long line = lines.declaration(file, c.getName());
            String simple = c.getSimpleName();
            if (!Modifier.isPublic(c.getModifiers()) || c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
                throw verify(file, line, "behaviour " + simple + " must be a public (and, if nested, static) class");
            }
            if (behaviourClass.containsKey(simple)) {
                throw verify(file, line, "two behaviours are named " + simple + " (" + behaviourClass.get(simple)
                        + " and " + c.getName() + "): behaviour names must be unique; rename one");
            }
            behaviourClass.put(simple, c.getName());
            String print = fingerprint(c.getName(), facts, classes);
            Behaviour kept = earlier == null || !print.equals(earlier.fingerprints().get(simple)) ? null
                    : earlier.table().byName().get(simple);
            behaviours.put(simple, kept != null ? kept : instantiate(c, file, line, locator));
        }
        for (Class<?> c : loaded.values()) {
            String simple = c.getSimpleName();
            if (mustStay.contains(simple) && !behaviours.containsKey(simple) && !c.isAnonymousClass()
                    && !c.isLocalClass()) {
                throw verify(files.get(c.getName()), lines.declaration(files.get(c.getName()), c.getName()),
                        simple + " is used by entities but is no longer a Behaviour "
                        + "(a public, non-abstract class implementing dev.pitstop.api.Behaviour)");
            }
        }

        Map<String, String> fingerprints = new TreeMap<>();
        behaviourClass.forEach((simple, className) -> fingerprints.put(simple, fingerprint(className, facts, classes)));
        ScriptTable table = new ScriptTable(number, behaviours, locator, slots,
                safety.trusted() ? ScriptTable.UNLIMITED : safety.budgetUnits());
        return new Built(new Generation(number, table, fileHashes, fingerprints), fieldWarnings(loaded.values(), files));
    }

    private static Map<String, ClassFacts> readFacts(Map<String, byte[]> classes, Map<String, String> sourceOf)
            throws Rejection {
        Map<String, ClassFacts> facts = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            ClassFacts f;
            try {
                f = ClassFacts.read(e.getValue());
            } catch (IllegalArgumentException ex) {
                throw verify(sourceOf.getOrDefault(e.getKey(), e.getKey()), 0, ex.getMessage());
            }
            if (!f.name().equals(e.getKey())) {
                throw verify(sourceOf.getOrDefault(e.getKey(), e.getKey()), 0,
                        "file holds class " + f.name() + ", expected " + e.getKey());
            }
            for (String reserved : RESERVED_PACKAGES) {
                if (f.name().startsWith(reserved)) {
                    throw verify(sourceOf.getOrDefault(f.name(), f.name()), 1, "scripts may not declare classes in package "
                            + f.packageName() + " (it belongs to " + (reserved.startsWith("dev.") ? "the engine" : "the platform") + ")");
                }
            }
            facts.put(f.name(), f);
        }
        return facts;
    }

    /** Where each class's source is: what javac said, or (class files) package path + SourceFile. */
    private static Map<String, String> locate(Map<String, ClassFacts> facts, Map<String, String> sourceOf) {
        Map<String, String> files = new HashMap<>();
        for (ClassFacts f : facts.values()) {
            String file = sourceOf.get(f.name());
            if (file == null && f.sourceFile() != null) {
                String pkg = f.packageName();
                file = pkg.isEmpty() ? f.sourceFile() : pkg.replace('.', '/') + "/" + f.sourceFile();
            }
            files.put(f.name(), file == null ? f.name().replace('.', '/') + ".class" : file);
        }
        return files;
    }

    private static void resolveReferences(Map<String, ClassFacts> facts, Map<String, String> files,
            SourceLines lines, ClassLoader loader) throws Rejection {
        for (ClassFacts f : facts.values()) {
            for (String ref : f.references()) {
                String type = elementType(ref);
                if (type == null || facts.containsKey(type)) {
                    continue;
                }
                try {
                    Class.forName(type, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    String file = files.get(f.name());
                    throw verify(file, lines.mention(file, simpleName(type)), simpleName(f.name()) + " refers to class "
                            + type + ", which is missing or not available to scripts");
                }
            }
        }
    }

    /** The class an array or plain reference names, or null for a primitive array. */
    private static String elementType(String ref) {
        if (!ref.startsWith("[")) {
            return ref;
        }
        String t = ref.replaceFirst("^\\[+", "");
        return t.startsWith("L") && t.endsWith(";") ? t.substring(1, t.length() - 1).replace('/', '.') : null;
    }

    private static boolean isBehaviourClass(Class<?> c) {
        return Behaviour.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())
                && !c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic();
    }

    private Behaviour instantiate(Class<?> c, String file, long line, ScriptLocator locator) throws Rejection {
        Constructor<?> ctor;
        try {
            ctor = c.getConstructor();
        } catch (NoSuchMethodException e) {
            throw verify(file, line, "behaviour " + c.getSimpleName() + " has no public no-argument constructor");
        }
        startRun();
        try {
            return (Behaviour) ctor.newInstance();
        } catch (InvocationTargetException e) {
            throw thrown(e.getCause(), locator, file, line, "constructor of " + c.getSimpleName() + " threw ");
        } catch (ReflectiveOperationException | LinkageError e) {
            throw verify(file, line, "cannot create " + c.getSimpleName() + ": " + e);
        } finally {
            endRun();
        }
    }

    /** A rejection for script code that threw, at the script line it threw from when there is one. */
    private static Rejection thrown(Throwable cause, ScriptLocator locator, String file, long line, String what) {
        String frame = ErrorText.scriptFrame(cause, locator);
        String atFile = file;
        long atLine = line;
        if (frame != null) {
            int colon = frame.lastIndexOf(':');
            if (colon > 0) {
                atFile = frame.substring(0, colon);
                atLine = Long.parseLong(frame.substring(colon + 1));
            } else {
                atFile = frame;
            }
        }
        return verify(atFile, atLine, what + ErrorText.describe(cause, locator));
    }

    /** Hash of every script class a behaviour can reach, so a helper's edit marks its users changed. */
    private static String fingerprint(String className, Map<String, ClassFacts> facts, Map<String, byte[]> classes) {
        Set<String> reach = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(className));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (facts.containsKey(n) && reach.add(n)) {
                todo.addAll(facts.get(n).references());
            }
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String n : reach) {
                d.update(n.getBytes(StandardCharsets.UTF_8));
                d.update(classes.get(n));
            }
            return HexFormat.of().formatHex(d.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fieldWarnings(Collection<Class<?>> classes, Map<String, String> files) {
        List<String> warnings = new ArrayList<>();
        for (Class<?> c : classes) {
            Map<String, Boolean> fields = new LinkedHashMap<>();
            for (Field f : c.getDeclaredFields()) {
                if (!f.isSynthetic() && !Modifier.isFinal(f.getModifiers()) && !f.isEnumConstant()) {
                    fields.put(f.getName(), Modifier.isStatic(f.getModifiers()));
                }
            }
            if (!fields.isEmpty()) {
                StringBuilder sb = new StringBuilder(files.get(c.getName())).append(": ");
                sb.append(simpleName(c.getName())).append(" holds state in non-final field");
                sb.append(fields.size() > 1 ? "s " : " ");
                sb.append(String.join(", ", fields.keySet()));
                sb.append("; it is lost whenever this script or one it uses is reloaded: keep it in Agent.memory() instead");
                warnings.add(sb.toString());
            }
        }
        return warnings;
    }

    private static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1);
    }

    private static Rejection verify(String file, long line, String message) {
        return new Rejection("verify", new Diagnostic(file, line, 0, message));
    }
}
