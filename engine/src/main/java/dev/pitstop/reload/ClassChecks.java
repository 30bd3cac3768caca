package dev.pitstop.reload;

import dev.pitstop.reload.bytecode.BudgetInstrumenter;
import dev.pitstop.reload.bytecode.CheckMemory;
import dev.pitstop.reload.bytecode.ClassFacts;
import dev.pitstop.reload.bytecode.SandboxScanner;
import dev.pitstop.reload.bytecode.SandboxViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks made on a new version's class bytes before anything of it is loaded: every class
 * well-formed, named as expected and outside the packages of the platform and the engine; then,
 * unless scripts are trusted, the sandbox (every member it uses is one scripts may use), and the
 * work budget woven into the bytes that will be loaded. Nothing here runs script code, so a
 * version refused here costs no class loader. Reload thread (the main thread, for generation 1).
 */
final class ClassChecks {

    /** Where a script's class would shadow or reach into the JDK, the engine or JOML. */
    private static final String[] RESERVED_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "dev.pitstop.", "org.joml."};

    private ClassChecks() {
    }

    /**
     * @param classes  class bytes by binary name
     * @param sourceOf source file (relative to the script folder) by class name, where known
     */
    static GenerationBuilder.Checked check(Map<String, byte[]> classes, Map<String, String> sourceOf,
            SourceLines lines, Safety safety) throws Rejection {
        return check(classes, sourceOf, lines, safety, new CheckMemory());
    }

    /** @param memory what the last passing check found, reused for the classes that did not change */
    static GenerationBuilder.Checked check(Map<String, byte[]> classes, Map<String, String> sourceOf,
            SourceLines lines, Safety safety, CheckMemory memory) throws Rejection {
        Map<String, ClassFacts> facts = readFacts(classes, sourceOf, memory);
        Map<String, String> files = locate(facts, sourceOf);
        if (safety.trusted()) {
            return new GenerationBuilder.Checked(classes, facts, files, lines);
        }
        CheckMemory.Outcome outcome;
        try {
            outcome = memory.check(classes);
        } catch (BudgetInstrumenter.Failure ex) {
            String file = files.get(ex.className());
            throw Rejection.verify(file, lines.declaration(file, ex.className()), ex.getMessage());
        }
        sandbox(outcome.violations(), files, lines);
        return new GenerationBuilder.Checked(outcome.instrumented(), facts, files, lines);
    }

    private static Map<String, ClassFacts> readFacts(Map<String, byte[]> classes, Map<String, String> sourceOf,
            CheckMemory memory) throws Rejection {
        memory.keepFacts(classes.keySet());
        Map<String, ClassFacts> facts = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            ClassFacts f;
            try {
                f = memory.facts(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw Rejection.verify(sourceOf.getOrDefault(e.getKey(), e.getKey()), 0, ex.getMessage());
            }
            if (!f.name().equals(e.getKey())) {
                throw Rejection.verify(sourceOf.getOrDefault(e.getKey(), e.getKey()), 0,
                        "file holds class " + f.name() + ", expected " + e.getKey());
            }
            for (String reserved : RESERVED_PACKAGES) {
                if (f.name().startsWith(reserved)) {
                    throw Rejection.verify(sourceOf.getOrDefault(f.name(), f.name()), 1, "scripts may not declare "
                            + "classes in package " + f.packageName() + " (it belongs to "
                            + (reserved.startsWith("dev.") ? "the engine" : "the platform") + ")");
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

    private static void sandbox(List<SandboxViolation> found, Map<String, String> files, SourceLines lines)
            throws Rejection {
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
}
