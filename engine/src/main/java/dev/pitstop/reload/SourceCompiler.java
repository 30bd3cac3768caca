package dev.pitstop.reload;

import java.util.Map;

/**
 * Compiles script sources against scripts compiled before: what {@link IncrementalCompiler} needs
 * of javac, wherever javac runs. Called by the reload thread (and by the main thread for generation
 * 1, before the reload thread starts), one call at a time.
 */
interface SourceCompiler {

    /**
     * @param sources         path relative to the script folder → content
     * @param compiledClasses binary name → class bytes of scripts compiled before that this call does
     *                        not rebuild, seen by javac as if on its class path
     * @return the classes made from {@code sources} only, or the errors
     */
    CompileResult compile(Map<String, byte[]> sources, Map<String, byte[]> compiledClasses);

    /** Compiles every source, against nothing compiled before. */
    default CompileResult compile(Map<String, byte[]> sources) {
        return compile(sources, Map.of());
    }
}
