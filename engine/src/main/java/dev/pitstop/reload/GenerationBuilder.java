package dev.pitstop.reload;

import dev.pitstop.reload.bytecode.CheckMemory;
import dev.pitstop.reload.bytecode.ClassFacts;
import dev.pitstop.world.SlotTable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>The work is done by {@link ClassChecks} (before loading), {@link VerifyingLoader} (a whole
 * version, or a shadow copy from its lineage) and {@link LiveLoader}, with {@link Fingerprints}
 * telling what changed.
 *
 * <p>{@link #check} on the reload thread (or the main thread, for generation 1); the loading
 * methods run script code (static initializers, constructors), so the reload coordinator calls
 * them on its {@link ScriptWorker}, under the deadline.
 */
final class GenerationBuilder {

    private final Safety safety;
    /** The scan and instrumentation of the last attempt that passed them, for the next one (reload thread). */
    private final CheckMemory memory = new CheckMemory();
    private final VerifyingLoader verifying;
    private final LiveLoader live;

    GenerationBuilder(Safety safety) {
        this.safety = safety;
        this.verifying = new VerifyingLoader(safety);
        this.live = new LiveLoader(safety);
    }

    /**
     * A built generation, what the user should be told about it, the behaviours it made new
     * instances of (the others kept an earlier generation's), and what loading found of each class.
     */
    record Built(Generation generation, List<String> warnings, Set<String> instantiated,
            Map<String, ClassShape> shapes) { }

    /**
     * Classes that passed the checks made before anything is loaded, and their fingerprints
     * ({@link Fingerprints#of}, by class name), computed once for the build's every use.
     */
    record Checked(Map<String, byte[]> classes, Map<String, ClassFacts> facts, Map<String, String> files,
            SourceLines lines, Map<String, String> prints) {

        Checked(Map<String, byte[]> classes, Map<String, ClassFacts> facts, Map<String, String> files,
                SourceLines lines) {
            this(classes, facts, files, lines, Fingerprints.of(facts, classes));
        }
    }

    /**
     * Reads every class file and checks what can be checked without loading: well-formed, named as
     * expected, not in a package reserved for the platform or the engine; then, unless scripts are
     * trusted, the sandbox, and the work budget is added to the classes that will be loaded.
     *
     * @param classes  class bytes by binary name
     * @param sourceOf source file (relative to the script folder) by class name, where known
     */
    Checked check(Map<String, byte[]> classes, Map<String, String> sourceOf, SourceLines lines) throws Rejection {
        return ClassChecks.check(classes, sourceOf, lines, safety, memory);
    }

    /**
     * As {@link #check}, but with the warm-up's own {@code memory}, which never holds a real
     * attempt's findings: the first time every class is scanned and instrumented, after that only
     * {@code edited} (null for none), as an edit of it is checked.
     */
    Checked rehearseCheck(CheckMemory memory, String edited, Map<String, byte[]> classes,
            Map<String, String> sourceOf, SourceLines lines) throws Rejection {
        if (edited != null) {
            memory.forget(edited);
        }
        return ClassChecks.check(classes, sourceOf, lines, safety, memory);
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
        return verifying.load(new GenerationClassLoader(number, checked.classes()), number, checked, fileHashes,
                mustStay, slots, earlier, null);
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
        return verifying.load(new GenerationClassLoader(number, "shadow", checked.classes()), number, checked,
                fileHashes, mustStay, slots, lineage == null ? null : lineage.generation(), lineage);
    }

    /**
     * The live generation {@code number}, once its shadow copy (built from the same {@code checked}
     * bytes) passed every check and its shadow run: a behaviour whose code is unchanged since
     * {@code earlier} keeps that generation's instance, already JIT-compiled; for the others, only
     * the script classes they can reach are defined, initialized and instantiated here.
     */
    Built loadLive(int number, Checked checked, Map<String, String> fileHashes, SlotTable slots, Generation earlier,
            Built copy) throws Rejection {
        return live.load(number, checked, fileHashes, slots, earlier, copy);
    }
}
