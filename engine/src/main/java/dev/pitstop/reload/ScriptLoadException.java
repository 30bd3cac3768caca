package dev.pitstop.reload;

import java.util.List;

/**
 * Generation 1 could not be built, so the engine cannot start: the reason and every diagnostic,
 * each printable as {@code file:line:col message}. Thrown on the main thread at start.
 */
public final class ScriptLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final transient List<Diagnostic> diagnostics;

    ScriptLoadException(String reason, List<Diagnostic> diagnostics) {
        super(reason, null, false, false);
        this.reason = reason;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public String reason() {
        return reason;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
