package dev.pitstop.sim;

/**
 * Turns a script's throwable into one line of text naming the script file and line, so that the
 * throwable (whose stack trace pins the generation's classes) can be dropped at once. Any thread.
 */
public final class ErrorText {

    private ErrorText() {
    }

    public static String describe(Throwable t, ScriptLocator scripts) {
        String what = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        String where = scriptFrame(t, scripts);
        return where == null ? what : what + " at " + where;
    }

    /** "dir/File.java:12" of the deepest-called script frame, or null if no frame is a script's. */
    public static String scriptFrame(Throwable t, ScriptLocator scripts) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (StackTraceElement f : c.getStackTrace()) {
                String file = scripts.sourceOf(f.getClassName());
                if (file != null) {
                    return f.getLineNumber() > 0 ? file + ":" + f.getLineNumber() : file;
                }
            }
        }
        return null;
    }
}
