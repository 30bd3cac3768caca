package dev.pitstop.sim;

/**
 * Turns a script's throwable into one line of text naming the script file and line, so that the
 * throwable (whose stack trace pins the generation's classes) can be dropped at once. A script's
 * own throwable class may override {@code getMessage}, {@code getStackTrace} and {@code getCause}
 * with anything (a loop, a throw, a cycle, a null): those calls are guarded and bounded, and a
 * caller that describes such a throwable does so while the script's work budget still runs.
 * Any thread.
 */
public final class ErrorText {

    /** Longest message kept, in characters. */
    static final int MAX_MESSAGE_CHARS = 500;
    /** Causes followed at most, against a cycle a script's getCause() makes. */
    static final int MAX_CAUSES = 16;

    private ErrorText() {
    }

    /** What went wrong and where: the class, the message, and " at file:line" of the deepest script frame. */
    public static String describe(Throwable t, ScriptLocator scripts) {
        ScriptLine where = scriptLine(t, scripts);
        return where == null ? text(t) : text(t) + " at " + where;
    }

    /** What went wrong, without the place: {@code java.lang.IllegalStateException: no target}. */
    public static String text(Throwable t) {
        String message = message(t);
        return t.getClass().getName() + (message == null ? "" : ": " + message);
    }

    /** The deepest-called script frame's place (the causes' too, if the throwable's has none), or null. */
    public static ScriptLine scriptLine(Throwable t, ScriptLocator scripts) {
        Throwable c = t;
        for (int depth = 0; c != null && depth < MAX_CAUSES; depth++) {
            ScriptLine found = scriptLine(stackTrace(c), scripts);
            if (found != null) {
                return found;
            }
            Throwable next = cause(c);
            c = next == c ? null : next;
        }
        return null;
    }

    /**
     * The place of the first script frame of {@code frames} (innermost first, as a throwable's or a
     * thread's stack), or null if none is a script's.
     */
    public static ScriptLine scriptLine(StackTraceElement[] frames, ScriptLocator scripts) {
        for (StackTraceElement f : frames) {
            String file = f == null ? null : scripts.sourceOf(f.getClassName());
            if (file != null) {
                return new ScriptLine(file, Math.max(0, f.getLineNumber()));
            }
        }
        return null;
    }

    private static String message(Throwable t) {
        try {
            String m = t.getMessage();
            return m == null || m.length() <= MAX_MESSAGE_CHARS ? m : m.substring(0, MAX_MESSAGE_CHARS) + "…";
        } catch (Throwable e) {
            return "(its getMessage() threw " + e.getClass().getName() + ")";
        }
    }

    private static StackTraceElement[] stackTrace(Throwable t) {
        try {
            StackTraceElement[] frames = t.getStackTrace();
            return frames == null ? new StackTraceElement[0] : frames;
        } catch (Throwable e) {
            return new StackTraceElement[0];
        }
    }

    private static Throwable cause(Throwable t) {
        try {
            return t.getCause();
        } catch (Throwable e) {
            return null;
        }
    }
}
