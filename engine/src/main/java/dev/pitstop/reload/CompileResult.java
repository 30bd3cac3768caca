package dev.pitstop.reload;

import java.util.List;
import java.util.Map;

/**
 * What javac made of one attempt's sources: class bytes by binary name, each class's source file
 * (relative to the script folder), the error diagnostics (empty when it compiled), and how many
 * source files javac actually compiled for it. Immutable.
 */
record CompileResult(Map<String, byte[]> classes, Map<String, String> sourceOf, List<Diagnostic> errors,
        int compiledFiles) {

    boolean ok() {
        return errors.isEmpty();
    }
}
