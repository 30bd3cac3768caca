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
import java.util.Collections;
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
 * or a throwing or endless constructor never reaches the game thread.
 *
 * <p>A new version is loaded twice from the same checked bytes: a shadow copy
 * ({@link #loadShadowCopy}) in a loader of its own, which the shadow run may do anything to, and
 * which takes what did not change from the copy the last shadow run ran; and, once that copy
 * passed, the live generation ({@link #loadLive}), which loads only the behaviours whose code
 * changed and keeps the others' running instances.
 *
 * <p>{@link #check} on the reload thread (or the main thread, for generation 1); the loading
 * methods run script code (static initializers, constructors), so the reload coordinator calls
 * them on its {@link ScriptWorker}, under the deadline.
 */
final class GenerationBuilder {

    private static final String[] RESERVED_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "dev.pitstop.", "org.joml."};

    private final Safety safety;

    GenerationBuilder(Safety safety) {
        this.safety = safety;
    }

    /**
     * A built generation, what the user should be told about it, the behaviours it made new
     * instances of (the others kept an earlier generation's), and what loading found of each class.
     */
    record Built(Generation generation, List<String> warnings, Set<String> instantiated, Map<String, Shape> shapes) { }

    /**
     * What loading found of one class, kept with the copy it was loaded for, so that the next copy
     * need not load the class again while its code and all the script code it reaches are byte for
     * byte the same ({@code print}, as a behaviour's fingerprint).
     *
     * @param named   neither anonymous nor local (so its simple name may be a behaviour's)
     * @param warning the warning about its mutable fields, or null
     */
    record Shape(String print, String simpleName, boolean behaviour, boolean named, String warning) { }

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
            WorkBudget.begin(safety.initializerBudgetUnits(), Safety.INITIALIZER_BACKSTOP_MILLIS);
        }
    }

    private void endRun() {
        if (!safety.trusted()) {
            WorkBudget.end();
        }
    }

    /**
     * Loads checked classes as generation {@code number}: every class defined, linked and
     * initialized, every behaviour checked and instantiated (generation 1, or every version when
     * shadow runs are off).
     *
     * @param mustStay names that, if a class still has that simple name, must still be behaviours
     * @param slots    the world's slot table, to align the new table to
     * @param earlier  the last built generation, or null: a behaviour whose code (its classes and
     *                 every script class they use) is byte for byte the same keeps that
     *                 generation's instance, whose code the JIT has already compiled, so a swap
     *                 brings back cold only what the edit changed
     */
    Built load(int number, Checked checked, Map<String, String> fileHashes, Collection<String> mustStay, SlotTable slots,
            Generation earlier) throws Rejection {
        return loadAll(new GenerationClassLoader(number, checked.classes()), number, checked, fileHashes, mustStay,
                slots, earlier, null);
    }

    /**
     * The shadow run's own copy of generation {@code number}, in a loader of its own, with its own
     * statics; never a live class or instance (the game thread is running those). What changed
     * since {@code lineage}, the copy the last passing shadow run ran, is loaded here: every class
     * whose code, or script code it reaches, is new or different, and all it reaches, defined,
     * linked and initialized, and its behaviours instantiated. The rest is the lineage's: its
     * behaviours' instances, JIT-warm from the shadow runs before (as the live game keeps its own),
     * and what its checks found of each class, whose bytes and reach are the same. Loading it is
     * where the checks of a new version happen: the live generation is built from the same bytes
     * only if this passed.
     *
     * @param lineage the copy the last passing shadow run ran, or null to load and check everything
     */
    Built loadShadowCopy(int number, Checked checked, Map<String, String> fileHashes, Collection<String> mustStay,
            SlotTable slots, Built lineage) throws Rejection {
        return loadAll(new GenerationClassLoader(number, "shadow", checked.classes()), number, checked, fileHashes,
                mustStay, slots, lineage == null ? null : lineage.generation(), lineage);
    }

    /**
     * @param earlier whose instances behaviours with unchanged code keep, or null
     * @param known   what an earlier load found of each class: one whose print is unchanged (and
     *                whose instance, for a behaviour, {@code earlier} has) is not loaded again; null
     *                to load every class
     */
    private Built loadAll(GenerationClassLoader loader, int number, Checked checked, Map<String, String> fileHashes,
            Collection<String> mustStay, SlotTable slots, Generation earlier, Built known) throws Rejection {
        Map<String, byte[]> classes = checked.classes();
        Map<String, ClassFacts> facts = checked.facts();
        Map<String, String> files = checked.files();
        SourceLines lines = checked.lines();
        ScriptLocator locator = files::get;

        Map<String, String> prints = prints(facts, classes);
        Map<String, Shape> knownShapes = known == null ? Map.of() : known.shapes();
        Set<String> toLoad = new TreeSet<>();
        for (String name : facts.keySet()) {
            Shape was = knownShapes.get(name);
            boolean same = was != null && was.print().equals(prints.get(name))
                    && (!was.behaviour() || kept(earlier, was.simpleName(), was.print()) != null);
            if (!same) {
                // With all it reaches: a class it uses may have to be loaded again for it.
                toLoad.addAll(reach(name, facts));
            }
        }

        Map<String, Class<?>> loaded = define(loader, toLoad, checked);
        resolveReferences(facts, toLoad, files, lines, loader);
        initialize(loader, loaded.keySet(), checked);
        Map<String, Shape> shapes = new TreeMap<>();
        for (String name : facts.keySet()) {
            Class<?> c = loaded.get(name);
            shapes.put(name, c == null ? knownShapes.get(name) : shapeOf(c, prints.get(name), files));
        }

        Map<String, Behaviour> behaviours = new TreeMap<>();
        Map<String, String> behaviourClass = new HashMap<>();
        Set<String> instantiated = new TreeSet<>();
        for (Map.Entry<String, Shape> e : shapes.entrySet()) {
            Shape shape = e.getValue();
            if (!shape.behaviour()) {
                continue;
            }
            String name = e.getKey();
            String file = files.get(name);
            long line = lines.declaration(file, name);
            String simple = shape.simpleName();
            Class<?> c = loaded.get(name);
            // A class not loaded again passed this check in the load it was found in.
            if (c != null && (!Modifier.isPublic(c.getModifiers())
                    || c.isMemberClass() && !Modifier.isStatic(c.getModifiers()))) {
                throw verify(file, line, "behaviour " + simple + " must be a public (and, if nested, static) class");
            }
            if (behaviourClass.containsKey(simple)) {
                throw verify(file, line, "two behaviours are named " + simple + " (" + behaviourClass.get(simple)
                        + " and " + name + "): behaviour names must be unique; rename one");
            }
            behaviourClass.put(simple, name);
            Behaviour kept = kept(earlier, simple, shape.print());
            if (kept == null) {
                instantiated.add(simple);
            }
            behaviours.put(simple, kept != null ? kept : instantiate(c, file, line, locator));
        }
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, Shape> e : shapes.entrySet()) {
            Shape shape = e.getValue();
            String name = e.getKey();
            if (mustStay.contains(shape.simpleName()) && !behaviours.containsKey(shape.simpleName()) && shape.named()) {
                throw verify(files.get(name), lines.declaration(files.get(name), name),
                        shape.simpleName() + " is used by entities but is no longer a Behaviour "
                        + "(a public, non-abstract class implementing dev.pitstop.api.Behaviour)");
            }
            if (shape.warning() != null) {
                warnings.add(shape.warning());
            }
        }

        Map<String, String> fingerprints = new TreeMap<>();
        behaviourClass.forEach((simple, className) -> fingerprints.put(simple, prints.get(className)));
        ScriptTable table = new ScriptTable(number, behaviours, locator, slots,
                safety.trusted() ? ScriptTable.UNLIMITED : safety.budgetUnits());
        return new Built(new Generation(number, table, fileHashes, fingerprints), warnings,
                Collections.unmodifiableSet(instantiated), Collections.unmodifiableMap(shapes));
    }

    private static Shape shapeOf(Class<?> c, String print, Map<String, String> files) {
        return new Shape(print, c.getSimpleName(), isBehaviourClass(c), !c.isAnonymousClass() && !c.isLocalClass(),
                fieldWarning(c, files));
    }

    /**
     * The live generation {@code number}, once its shadow copy (built from the same {@code checked}
     * bytes) passed every check and its shadow run: a behaviour whose code is unchanged since
     * {@code earlier} keeps that generation's instance, already JIT-compiled; for the others, only
     * the script classes they can reach are defined, initialized and instantiated here. The rest of
     * the bytes stay in the loader, undefined, since nothing that runs can reach them.
     */
    Built loadLive(int number, Checked checked, Map<String, String> fileHashes, SlotTable slots, Generation earlier,
            Built copy) throws Rejection {
        Map<String, ClassFacts> facts = checked.facts();
        Map<String, String> files = checked.files();
        Map<String, String> fingerprints = copy.generation().fingerprints();
        Map<String, Behaviour> behaviours = new TreeMap<>();
        Map<String, String> changed = new TreeMap<>();
        Set<String> reached = new TreeSet<>();
        for (Map.Entry<String, Behaviour> e : copy.generation().table().byName().entrySet()) {
            String simple = e.getKey();
            Behaviour kept = kept(earlier, simple, fingerprints.get(simple));
            if (kept != null) {
                behaviours.put(simple, kept);
            } else {
                String className = e.getValue().getClass().getName();
                changed.put(simple, className);
                reached.addAll(reach(className, facts));
            }
        }
        GenerationClassLoader loader = new GenerationClassLoader(number, checked.classes());
        Map<String, Class<?>> loaded = define(loader, reached, checked);
        initialize(loader, loaded.keySet(), checked);
        for (Map.Entry<String, String> e : changed.entrySet()) {
            String file = files.get(e.getValue());
            behaviours.put(e.getKey(), instantiate(loaded.get(e.getValue()), file,
                    checked.lines().declaration(file, e.getValue()), files::get));
        }
        ScriptTable table = new ScriptTable(number, behaviours, files::get, slots,
                safety.trusted() ? ScriptTable.UNLIMITED : safety.budgetUnits());
        return new Built(new Generation(number, table, fileHashes, fingerprints), copy.warnings(),
                Collections.unmodifiableSet(changed.keySet()), copy.shapes());
    }

    /** {@code earlier}'s instance of {@code simple} if its code has {@code fingerprint} there too, else null. */
    private static Behaviour kept(Generation earlier, String simple, String fingerprint) {
        return earlier == null || !fingerprint.equals(earlier.fingerprints().get(simple)) ? null
                : earlier.table().byName().get(simple);
    }

    /** Defines (without initializing) the classes {@code names} in {@code loader}. */
    private static Map<String, Class<?>> define(ClassLoader loader, Collection<String> names, Checked checked)
            throws Rejection {
        Map<String, String> files = checked.files();
        SourceLines lines = checked.lines();
        Map<String, Class<?>> loaded = new TreeMap<>();
        for (String name : names) {
            try {
                loaded.put(name, Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                throw verify(files.get(name), lines.declaration(files.get(name), name), "cannot load class " + name + ": " + e);
            }
        }
        return loaded;
    }

    /** Runs the static initializers of {@code names}, in order, each under one budget. */
    private void initialize(ClassLoader loader, Collection<String> names, Checked checked) throws Rejection {
        Map<String, String> files = checked.files();
        SourceLines lines = checked.lines();
        ScriptLocator locator = files::get;
        for (String name : names) {
            startRun();
            try {
                Class.forName(name, true, loader);
            } catch (ExceptionInInitializerError ex) {
                Throwable cause = ex.getCause() == null ? ex : ex.getCause();
                throw thrown(cause, locator, files.get(name), lines.declaration(files.get(name), name),
                        "static initializer of " + simpleName(name) + " threw ");
            } catch (ClassNotFoundException | LinkageError ex) {
                throw verify(files.get(name), lines.declaration(files.get(name), name),
                        "cannot link class " + name + ": " + ex);
            } catch (Error ex) {
                // An Error from a static initializer arrives unwrapped (JLS 12.4.2): the work budget's,
                // a stack overflow, an assertion. Left to fly, it would end the reload thread.
                throw thrown(ex, locator, files.get(name), lines.declaration(files.get(name), name),
                        "static initializer of " + simpleName(name) + " threw ");
            } finally {
                endRun();
            }
        }
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

    /** Checks that every class the classes {@code names} refer to, beyond the scripts', can be loaded. */
    private static void resolveReferences(Map<String, ClassFacts> facts, Collection<String> names,
            Map<String, String> files, SourceLines lines, ClassLoader loader) throws Rejection {
        for (String name : names) {
            ClassFacts f = facts.get(name);
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

    /** Every script class {@code className} can reach (itself included), sorted. */
    private static Set<String> reach(String className, Map<String, ClassFacts> facts) {
        Set<String> reach = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(className));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (facts.containsKey(n) && reach.add(n)) {
                todo.addAll(facts.get(n).references());
            }
        }
        return reach;
    }

    /**
     * Each class's fingerprint: a hash of every script class it can reach (itself included), name
     * and bytes, so a helper's edit marks its users changed. Each class's bytes are hashed once and
     * the fingerprints combine those hashes, so that a folder where everything reaches everything
     * costs one pass over the bytes, not one per class.
     */
    private static Map<String, String> prints(Map<String, ClassFacts> facts, Map<String, byte[]> classes) {
        try {
            Map<String, byte[]> digests = new HashMap<>();
            for (String name : facts.keySet()) {
                digests.put(name, MessageDigest.getInstance("SHA-256").digest(classes.get(name)));
            }
            Map<String, String> prints = new TreeMap<>();
            for (String name : facts.keySet()) {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                for (String n : reach(name, facts)) {
                    d.update(n.getBytes(StandardCharsets.UTF_8));
                    d.update(digests.get(n));
                }
                prints.put(name, HexFormat.of().formatHex(d.digest(), 0, 12));
            }
            return prints;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The warning about {@code c}'s mutable fields, or null if it has none. */
    private static String fieldWarning(Class<?> c, Map<String, String> files) {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        for (Field f : c.getDeclaredFields()) {
            if (!f.isSynthetic() && !Modifier.isFinal(f.getModifiers()) && !f.isEnumConstant()) {
                fields.put(f.getName(), Modifier.isStatic(f.getModifiers()));
            }
        }
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(files.get(c.getName())).append(": ");
        sb.append(simpleName(c.getName())).append(" holds state in non-final field");
        sb.append(fields.size() > 1 ? "s " : " ");
        sb.append(String.join(", ", fields.keySet()));
        sb.append("; it is lost whenever this script or one it uses is reloaded: keep it in Agent.memory() instead");
        return sb.toString();
    }

    private static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1);
    }

    private static Rejection verify(String file, long line, String message) {
        return new Rejection("verify", new Diagnostic(file, line, 0, message));
    }
}
