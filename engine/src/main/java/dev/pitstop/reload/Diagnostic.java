package dev.pitstop.reload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reason an attempt was refused: a file relative to the script folder (or a class name when
 * there is no file), a line (0 when unknown), a column (0 when unknown) and a one-line message.
 * Immutable; any thread.
 */
public record Diagnostic(String file, long line, long column, String message) {

    /** A diagnostic at {@code where} (a script line, or null for none known). */
    public static Diagnostic at(dev.pitstop.sim.ScriptLine where, String message) {
        return where == null ? new Diagnostic(null, 0, 0, message) : new Diagnostic(where.file(), where.line(), 0, message);
    }

    /** {@code file:line:col message}, as compilers print it. */
    public String format() {
        StringBuilder sb = new StringBuilder(file == null ? "?" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(' ').append(message).toString();
    }

    /** The event log's form: {@code {"file","line","message"}} (and "column" when known). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("line", line);
        if (column > 0) {
            m.put("column", column);
        }
        m.put("message", message);
        return m;
    }
}
