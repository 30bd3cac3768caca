package dev.pitstop.reload;

import dev.pitstop.compile.Compilation;
import dev.pitstop.compile.CompileError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What javac made of one attempt's sources: class bytes by binary name, each class's source file
 * (relative to the script folder), the error diagnostics (empty when it compiled), and how many
 * source files javac actually compiled for it. {@code gaveUp} says the compiler itself failed
 * (out of time, out of memory, its process gone) rather than the sources: trying again at once
 * would fail the same way. Immutable.
 */
record CompileResult(Map<String, byte[]> classes, Map<String, String> sourceOf, List<Diagnostic> errors,
        int compiledFiles, boolean gaveUp) {

    CompileResult(Map<String, byte[]> classes, Map<String, String> sourceOf, List<Diagnostic> errors,
            int compiledFiles) {
        this(classes, sourceOf, errors, compiledFiles, false);
    }

    /** What javac answered, in the engine's terms. */
    static CompileResult of(Compilation c) {
        List<Diagnostic> errors = new ArrayList<>();
        for (CompileError e : c.errors()) {
            errors.add(new Diagnostic(e.file(), e.line(), e.column(), e.message()));
        }
        return new CompileResult(c.classes(), c.sourceOf(), errors, c.compiledFiles());
    }

    /** The compiler failed on {@code files} sources; {@code why} is the one diagnostic. */
    static CompileResult gaveUp(Diagnostic why, int files) {
        return new CompileResult(Map.of(), Map.of(), List.of(why), files, true);
    }

    boolean ok() {
        return errors.isEmpty();
    }
}
