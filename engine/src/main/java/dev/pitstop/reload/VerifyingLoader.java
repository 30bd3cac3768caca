package dev.pitstop.reload;

import dev.pitstop.api.Behaviour;
import dev.pitstop.reload.bytecode.ClassFacts;
import dev.pitstop.sim.ScriptLocator;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.world.SlotTable;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Loads a checked version and makes the checks that need its classes loaded: every class it
 * loads defined, its references resolved and its static initializer run; every behaviour public
 * (static, if nested), uniquely named and instantiated; every name entities use still a behaviour.
 * It loads the whole version (generation 1, or every version when shadow runs are off), or, for
 * a shadow copy, only what changed since the copy before it, its lineage: a class whose
 * fingerprint is unchanged keeps the shape the lineage's load found (its checks still count) and
 * a behaviour whose fingerprint is unchanged keeps the lineage's instance, JIT-warm.
 *
 * <p>Runs script code, so the reload coordinator calls it on its {@link ScriptWorker}, under the
 * deadline.
 */
final class VerifyingLoader {

    private final Safety safety;
    private final ScriptInitializers initializers;

    VerifyingLoader(Safety safety) {
        this.safety = safety;
        this.initializers = new ScriptInitializers(safety);
    }

    /**
     * @param mustStay names that, if a class still has that simple name, must still be behaviours
     * @param earlier  whose instances behaviours with unchanged code keep, or null
     * @param known    what an earlier load found of each class: one whose print is unchanged (and
     *                 whose instance, for a behaviour, {@code earlier} has) is not loaded again; null
     *                 to load every class
     */
    GenerationBuilder.Built load(GenerationClassLoader loader, int number, GenerationBuilder.Checked checked,
            Map<String, String> fileHashes, Collection<String> mustStay, SlotTable slots, Generation earlier,
            GenerationBuilder.Built known) throws Rejection {
        Map<String, ClassFacts> facts = checked.facts();
        Map<String, String> files = checked.files();
        ScriptLocator locator = files::get;

        Map<String, String> prints = checked.prints();
        Map<String, ClassShape> knownShapes = known == null ? Map.of() : known.shapes();
        Set<String> toLoad = toLoad(facts, prints, knownShapes, earlier);
        Map<String, Class<?>> loaded = ClassLinker.define(loader, toLoad, checked);
        ClassLinker.resolveReferences(loader, toLoad, checked);
        initializers.initialize(loader, loaded.keySet(), checked);
        Map<String, ClassShape> shapes = new TreeMap<>();
        for (String name : facts.keySet()) {
            Class<?> c = loaded.get(name);
            shapes.put(name, c == null ? knownShapes.get(name) : ClassShape.of(c, prints.get(name), files));
        }

        Map<String, Behaviour> behaviours = new TreeMap<>();
        Map<String, String> behaviourClass = new HashMap<>();
        Set<String> instantiated = new TreeSet<>();
        for (Map.Entry<String, ClassShape> e : shapes.entrySet()) {
            ClassShape shape = e.getValue();
            if (!shape.behaviour()) {
                continue;
            }
            String name = e.getKey();
            String file = files.get(name);
            // The declaration's line is looked for only when it is needed (a rejection, a new
            // instance): a search of the source per behaviour per load added up at every edit.
            String simple = shape.simpleName();
            Class<?> c = loaded.get(name);
            // A class not loaded again passed this check in the load it was found in.
            if (c != null && (!Modifier.isPublic(c.getModifiers())
                    || c.isMemberClass() && !Modifier.isStatic(c.getModifiers()))) {
                throw Rejection.verify(file, checked.lines().declaration(file, name), "behaviour " + simple
                        + " must be a public (and, if nested, static) class");
            }
            if (behaviourClass.containsKey(simple)) {
                throw Rejection.verify(file, checked.lines().declaration(file, name), "two behaviours are named "
                        + simple + " ("
                        + behaviourClass.get(simple) + " and " + name + "): behaviour names must be unique; rename one");
            }
            behaviourClass.put(simple, name);
            Behaviour kept = Fingerprints.keptInstance(earlier, simple, shape.print());
            if (kept == null) {
                instantiated.add(simple);
            }
            behaviours.put(simple, kept != null ? kept
                    : initializers.instantiate(c, file, checked.lines().declaration(file, name), locator));
        }
        List<String> warnings = warnings(shapes, behaviours, mustStay, checked);

        Map<String, String> fingerprints = new TreeMap<>();
        behaviourClass.forEach((simple, className) -> fingerprints.put(simple, prints.get(className)));
        ScriptTable table = new ScriptTable(number, behaviours, locator, slots, safety.updateBudgetUnits());
        return new GenerationBuilder.Built(new Generation(number, table, fileHashes, fingerprints), warnings,
                Collections.unmodifiableSet(instantiated), Collections.unmodifiableMap(shapes));
    }

    /** The classes to load: those the lineage did not load with the same code, with all they reach. */
    private static Set<String> toLoad(Map<String, ClassFacts> facts, Map<String, String> prints,
            Map<String, ClassShape> knownShapes, Generation earlier) {
        Set<String> toLoad = new TreeSet<>();
        for (String name : facts.keySet()) {
            ClassShape was = knownShapes.get(name);
            boolean same = was != null && was.print().equals(prints.get(name))
                    && (!was.behaviour() || Fingerprints.keptInstance(earlier, was.simpleName(), was.print()) != null);
            if (!same) {
                // With all it reaches: a class it uses may have to be loaded again for it.
                toLoad.addAll(Fingerprints.reach(name, facts));
            }
        }
        return toLoad;
    }

    /**
     * The warnings about every class's fields, once every name entities use is found still to be
     * a behaviour (else the version is refused: those entities would have no code).
     */
    private static List<String> warnings(Map<String, ClassShape> shapes, Map<String, Behaviour> behaviours,
            Collection<String> mustStay, GenerationBuilder.Checked checked) throws Rejection {
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, ClassShape> e : shapes.entrySet()) {
            ClassShape shape = e.getValue();
            String name = e.getKey();
            if (mustStay.contains(shape.simpleName()) && !behaviours.containsKey(shape.simpleName()) && shape.named()) {
                String file = checked.files().get(name);
                throw Rejection.verify(file, checked.lines().declaration(file, name),
                        shape.simpleName() + " is used by entities but is no longer a Behaviour "
                        + "(a public, non-abstract class implementing dev.pitstop.api.Behaviour)");
            }
            if (shape.warning() != null) {
                warnings.add(shape.warning());
            }
        }
        return warnings;
    }
}
