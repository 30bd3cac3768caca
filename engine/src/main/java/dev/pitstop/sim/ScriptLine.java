package dev.pitstop.sim;

/**
 * A place in a script's source: a file relative to the scripts folder and a line (0 when the
 * class was compiled without line numbers). Immutable; any thread.
 */
public record ScriptLine(String file, int line) {

    public ScriptLine {
        if (file == null) {
            throw new IllegalArgumentException("a script line needs a file");
        }
    }

    /** {@code dir/File.java:12}, or the file alone when the line is not known. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
