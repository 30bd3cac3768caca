package dev.pitstop.sim;

/** Lets tests outside {@code sim} record debug shapes, as {@code World.debugLine/debugCircle} do. */
public final class DebugDrawAccess {

    private DebugDrawAccess() {
    }

    public static void line(DebugDraw d, float x1, float y1, float x2, float y2, int rgb) {
        d.line(x1, y1, x2, y2, rgb);
    }

    public static void circle(DebugDraw d, float x, float y, float radius, int rgb) {
        d.circle(x, y, radius, rgb);
    }
}
