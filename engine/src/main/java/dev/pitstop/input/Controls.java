package dev.pitstop.input;

import dev.pitstop.render.Letterbox;
import dev.pitstop.sim.PlayerInput;

/**
 * The state of the player's keys, mouse and cursor as the window last reported it. Window
 * callbacks only record here; the tick reads one {@link PlayerInput} from it through
 * {@link #nextInput}, so input reaches the game only through the loop. A fire press that starts
 * and ends between two ticks still fires once. Game thread only (GLFW calls back on it).
 */
public final class Controls {

    /** A held control. */
    public enum Held { UP, DOWN, LEFT, RIGHT, FIRE_KEY, FIRE_BUTTON }

    private final boolean[] held = new boolean[Held.values().length];
    private boolean firePressedSinceTick;
    private boolean cursorKnown;
    private double cursorX;
    private double cursorY;
    private int windowWidth = 1;
    private int windowHeight = 1;

    public void set(Held control, boolean down) {
        held[control.ordinal()] = down;
        if (down && (control == Held.FIRE_KEY || control == Held.FIRE_BUTTON)) {
            firePressedSinceTick = true;
        }
    }

    /** The cursor, in window coordinates (origin top left), over a window of the given size. */
    public void cursor(double x, double y, int width, int height) {
        cursorKnown = true;
        cursorX = x;
        cursorY = y;
        windowWidth = Math.max(1, width);
        windowHeight = Math.max(1, height);
    }

    /** The window lost focus: nothing stays held (its key releases go elsewhere). */
    public void releaseAll() {
        java.util.Arrays.fill(held, false);
    }

    private boolean down(Held h) {
        return held[h.ordinal()];
    }

    /** This tick's input for an arena of the given size; consumes a pending fire press. */
    public PlayerInput nextInput(float arenaWidth, float arenaHeight) {
        float mx = (down(Held.RIGHT) ? 1f : 0f) - (down(Held.LEFT) ? 1f : 0f);
        float my = (down(Held.DOWN) ? 1f : 0f) - (down(Held.UP) ? 1f : 0f);
        boolean fire = firePressedSinceTick || down(Held.FIRE_KEY) || down(Held.FIRE_BUTTON);
        firePressedSinceTick = false;
        float ax = Float.NaN;
        float ay = Float.NaN;
        if (cursorKnown) {
            Letterbox box = Letterbox.fit(windowWidth, windowHeight, arenaWidth, arenaHeight);
            ax = box.worldX(cursorX);
            ay = box.worldY(cursorY);
        }
        return new PlayerInput(mx, my, ax, ay, fire);
    }
}
