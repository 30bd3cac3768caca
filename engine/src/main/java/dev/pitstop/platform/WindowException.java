package dev.pitstop.platform;

/**
 * The window or its OpenGL context could not be made. {@link #noDisplay()} tells a machine without
 * a display (the demo then runs headless) from a real failure (an exit with GLFW's message).
 * Thrown by {@link GameWindow#open} on the game thread.
 */
public final class WindowException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean noDisplay;

    WindowException(String message, boolean noDisplay) {
        super(message);
        this.noDisplay = noDisplay;
    }

    public boolean noDisplay() {
        return noDisplay;
    }
}
