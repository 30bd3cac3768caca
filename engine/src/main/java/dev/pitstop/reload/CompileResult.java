package dev.pitstop.reload;

import java.util.List;
import java.util.Map;

/**
 * What javac made of one attempt's sources: class bytes by binary name, each class's source file
 * (relative to the script folder), and the error diagnostics (empty when it compiled). Immutable.
 */
record CompileResult(Map<String, byte[]> classes, Map<String, String> sourceOf, List<Diagnostic> errors) {

    boolean ok() {
        return errors.isEmpty();
    }
}
