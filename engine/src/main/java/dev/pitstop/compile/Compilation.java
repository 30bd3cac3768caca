package dev.pitstop.compile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What javac made of one request: class bytes by binary name, each class's source file (relative
 * to the script folder), the errors (empty when it compiled) and how many source files javac
 * compiled for it. Made by {@link ScriptCompiler} in the compile server and read back from the
 * wire by the engine; immutable, any thread.
 */
public record Compilation(Map<String, byte[]> classes, Map<String, String> sourceOf, List<CompileError> errors,
        int compiledFiles) {

    public Compilation {
        // javac's output order is kept: what loads the classes sees them as an in-process compile made them.
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        sourceOf = Collections.unmodifiableMap(new LinkedHashMap<>(sourceOf));
        errors = List.copyOf(errors);
        if (compiledFiles < 0) {
            throw new IllegalArgumentException("compiledFiles must not be negative, was " + compiledFiles);
        }
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /**
     * The classes made, for a caller whose sources must compile (a test's, a tool's). Any thread.
     *
     * @throws IllegalStateException naming every error, when they did not compile
     */
    public Map<String, byte[]> classesOrThrow() {
        if (ok()) {
            return classes;
        }
        StringBuilder sb = new StringBuilder("javac failed:");
        for (CompileError e : errors) {
            sb.append("\n  ").append(e.file() == null ? "?" : e.file()).append(':').append(e.line()).append(':')
                    .append(e.column()).append(' ').append(e.message());
        }
        throw new IllegalStateException(sb.toString());
    }
}
