package dev.pitstop.sim;

/**
 * Maps a script class's binary name to its source file, relative to the script folder, so that
 * errors can name the file a user edits. Immutable; any thread.
 */
@FunctionalInterface
public interface ScriptLocator {

    /** The source file of {@code className}, or null if it is not a script class. */
    String sourceOf(String className);

    ScriptLocator NONE = name -> null;
}
