package dev.pitstop.world;

/** A file Pitstop refuses to load; the message is one line fit to show a user as it is. Thrown on the thread that reads the file. */
public final class BadFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadFileException(String message) {
        super(message);
    }
}
