package dev.pitstop.sim;

/**
 * One script fault as data, from where it is caught to everything that reports or acts on it (the
 * {@code fault} event, the HUD, the shadow run's verdict, a rollback's reason): the behaviour, the
 * entity (0 when none: a static initializer, a constructor), what went wrong, and where in the
 * scripts, when a script frame says so. Immutable; any thread.
 *
 * @param text  what went wrong, without the place ({@code java.lang.IllegalStateException: no target})
 * @param where the script line it happened on, or null when no script frame says
 */
public record ScriptFault(String behaviour, int entity, String text, ScriptLine where) {

    /** The fault of {@code error}, thrown by script code, located by its deepest script frame. */
    public static ScriptFault of(String behaviour, int entity, Throwable error, ScriptLocator scripts) {
        return new ScriptFault(behaviour, entity, ErrorText.text(error), ErrorText.scriptLine(error, scripts));
    }

    /** The text with its place: {@code ... at demo/Chaser.java:17}, as the event log and the HUD show it. */
    public String describe() {
        return where == null ? text : text + " at " + where;
    }
}
