package dev.pitstop.reload;

import java.util.List;

/**
 * Why an attempt did not become a generation: a reason ({@code compile}, {@code verify},
 * {@code sandbox}, {@code shadow}, {@code superseded}) and the diagnostics, each naming a file.
 * Thrown on the reload thread and turned into a {@code rejected} event there.
 */
final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final transient List<Diagnostic> diagnostics;

    Rejection(String reason, List<Diagnostic> diagnostics) {
        super(reason + ": " + (diagnostics.isEmpty() ? "" : diagnostics.get(0).format()), null, false, false);
        this.reason = reason;
        this.diagnostics = List.copyOf(diagnostics);
    }

    Rejection(String reason, Diagnostic diagnostic) {
        this(reason, List.of(diagnostic));
    }

    /** A {@code verify} rejection: something about {@code file} (at {@code line}, 0 if unknown) the checks refuse. */
    static Rejection verify(String file, long line, String message) {
        return new Rejection("verify", new Diagnostic(file, line, 0, message));
    }

    String reason() {
        return reason;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
