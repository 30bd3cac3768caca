package dev.pitstop.reload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reason an attempt was refused: a file relative to the script folder (or a class name when
 * there is no file), a line (0 when unknown), a column (0 when unknown) and a one-line message.
 * Immutable; any thread.
 */
public record Diagnostic(String file, long line, long column, String message) {

    private static final java.util.regex.Pattern AT_FILE_LINE = java.util.regex.Pattern.compile(" at (\\S+?):(\\d+)$");

    /**
     * A diagnostic for script code that threw: {@code error} is {@link dev.pitstop.sim.ErrorText}'s
     * text, whose " at file:line" ending gives the place.
     */
    public static Diagnostic fromErrorText(String prefix, String error) {
        java.util.regex.Matcher m = AT_FILE_LINE.matcher(error);
        if (m.find()) {
            return new Diagnostic(m.group(1), Long.parseLong(m.group(2)), 0, prefix + error);
        }
        return new Diagnostic(null, 0, 0, prefix + error);
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
