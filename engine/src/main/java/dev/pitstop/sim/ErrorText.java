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

    public static String describe(Throwable t, ScriptLocator scripts) {
        String message = message(t);
        String what = t.getClass().getName() + (message == null ? "" : ": " + message);
        String where = scriptFrame(t, scripts);
        return where == null ? what : what + " at " + where;
    }

    /** "dir/File.java:12" of the deepest-called script frame, or null if no frame is a script's. */
    public static String scriptFrame(Throwable t, ScriptLocator scripts) {
        Throwable c = t;
        for (int depth = 0; c != null && depth < MAX_CAUSES; depth++) {
            String found = scriptFrame(stackTrace(c), scripts);
            if (found != null) {
                return found;
            }
            Throwable next = cause(c);
            c = next == c ? null : next;
        }
        return null;
    }

    /**
     * "dir/File.java:12" of the first script frame of {@code frames} (innermost first, as a
     * throwable's or a thread's stack), or null if none is a script's.
     */
    public static String scriptFrame(StackTraceElement[] frames, ScriptLocator scripts) {
        for (StackTraceElement f : frames) {
            String file = f == null ? null : scripts.sourceOf(f.getClassName());
            if (file != null) {
                return f.getLineNumber() > 0 ? file + ":" + f.getLineNumber() : file;
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
