package dev.pitstop.compile;

/**
 * One error javac reported: the file relative to the script folder (null when javac named none),
 * line and column (0 when unknown) and the message on one line. Immutable, any thread.
 */
public record CompileError(String file, long line, long column, String message) {

    public CompileError {
        if (message == null) {
            throw new IllegalArgumentException("a compile error needs a message");
        }
    }
}
