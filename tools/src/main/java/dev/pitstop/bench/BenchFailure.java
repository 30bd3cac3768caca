package dev.pitstop.bench;

/** The benchmark could not go on (a game died, an edit never went live); the message says why and where to look. */
final class BenchFailure extends Exception {

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
