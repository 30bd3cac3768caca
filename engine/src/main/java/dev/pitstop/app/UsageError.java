package dev.pitstop.app;

/**
 * Bad input from the command line or a file it names: the message is one line for stderr, and the
 * process exits with code 2 before anything is written. Main thread.
 */
final class UsageError extends Exception {

    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message, null, false, false);
    }
}
