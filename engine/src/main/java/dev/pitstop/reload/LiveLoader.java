package dev.pitstop.reload;

import dev.pitstop.api.Behaviour;
import dev.pitstop.reload.bytecode.ClassFacts;
import dev.pitstop.sim.ScriptTable;
import dev.pitstop.world.SlotTable;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Loads the live generation once its shadow copy, built from the same checked bytes, passed every
 * check and its shadow run: a behaviour whose code is unchanged since the last generation keeps
 * that generation's instance, already JIT-compiled; for the others, only the script classes they
 * can reach are defined, initialized and instantiated. The rest of the bytes stay in the loader,
 * undefined, since nothing that runs can reach them. The checks need not be made again: the copy
 * made them on the same bytes.
 *
 * <p>Runs script code (static initializers, constructors), so the reload coordinator calls it on
 * its {@link ScriptWorker}, under the deadline.
 */
final class LiveLoader {

    private final Safety safety;
    private final ScriptInitializers initializers;

    LiveLoader(Safety safety) {
        this.safety = safety;
        this.initializers = new ScriptInitializers(safety);
    }

    GenerationBuilder.Built load(int number, GenerationBuilder.Checked checked, Map<String, String> fileHashes,
            SlotTable slots, Generation earlier, GenerationBuilder.Built copy) throws Rejection {
        Map<String, ClassFacts> facts = checked.facts();
        Map<String, String> files = checked.files();
        Map<String, String> fingerprints = copy.generation().fingerprints();
        Map<String, Behaviour> behaviours = new TreeMap<>();
        Map<String, String> changed = new TreeMap<>();
        Set<String> reached = new TreeSet<>();
        for (Map.Entry<String, Behaviour> e : copy.generation().table().byName().entrySet()) {
            String simple = e.getKey();
            Behaviour kept = Fingerprints.keptInstance(earlier, simple, fingerprints.get(simple));
            if (kept != null) {
                behaviours.put(simple, kept);
            } else {
                String className = e.getValue().getClass().getName();
                changed.put(simple, className);
                reached.addAll(Fingerprints.reach(className, facts));
            }
        }
        GenerationClassLoader loader = new GenerationClassLoader(number, checked.classes());
        Map<String, Class<?>> loaded = ClassLinker.define(loader, reached, checked);
        initializers.initialize(loader, loaded.keySet(), checked);
        for (Map.Entry<String, String> e : changed.entrySet()) {
            String file = files.get(e.getValue());
            behaviours.put(e.getKey(), initializers.instantiate(loaded.get(e.getValue()), file,
                    checked.lines().declaration(file, e.getValue()), files::get));
        }
        ScriptTable table = new ScriptTable(number, behaviours, files::get, slots, safety.updateBudgetUnits());
        return new GenerationBuilder.Built(new Generation(number, table, fileHashes, fingerprints), copy.warnings(),
                Collections.unmodifiableSet(changed.keySet()), copy.shapes());
    }
}
