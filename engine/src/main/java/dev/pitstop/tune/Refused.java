package dev.pitstop.tune;

/**
 * Why a {@code tune}, {@code tune undo} or {@code tune redo} writes nothing: its message is the
 * {@code error} event's, word for word. A refusal is an answer, not a failure, so it carries no
 * stack trace. Thrown and caught on the tune thread.
 */
final class Refused extends Exception {

    private static final long serialVersionUID = 1L;

    Refused(String message) {
        super(message, null, false, false);
    }
}
