package dev.pitstop.sim;

import java.util.Arrays;

/**
 * The lines and circles scripts asked to draw this tick ({@code World.debugLine/debugCircle}),
 * kept in flat arrays so that recording them allocates nothing per call once warm. Headless the
 * buffer is disabled and drops everything. Written on the game thread during a tick, read by the
 * renderer on the same thread.
 */
public final class DebugDraw {

    /** Floats per shape in {@link #coords()}: kind (0 line, 1 circle), then x1, y1, x2, y2 or x, y, radius, 0. */
    public static final int STRIDE = 5;
    public static final float LINE = 0f;
    public static final float CIRCLE = 1f;
    public static final int MAX_SHAPES = 20_000;

    private final boolean enabled;
    private float[] coords = new float[STRIDE * 256];
    private int[] colors = new int[256];
    private int shapes;

    public DebugDraw(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public void clear() {
        shapes = 0;
    }

    public int shapes() {
        return shapes;
    }

    public float[] coords() {
        return coords;
    }

    /** 0xRRGGBB per shape. */
    public int[] colors() {
        return colors;
    }

    void line(float x1, float y1, float x2, float y2, int rgb) {
        add(LINE, x1, y1, x2, y2, rgb);
    }

    void circle(float x, float y, float radius, int rgb) {
        add(CIRCLE, x, y, radius, 0, rgb);
    }

    private void add(float kind, float a, float b, float c, float d, int rgb) {
        if (!enabled || shapes >= MAX_SHAPES) {
            return;
        }
        if (shapes == colors.length) {
            // Both copies first: a stack overflow between them must not leave the arrays apart.
            int[] moreColors = Arrays.copyOf(colors, shapes * 2);
            float[] moreCoords = Arrays.copyOf(coords, shapes * 2 * STRIDE);
            colors = moreColors;
            coords = moreCoords;
        }
        int o = shapes * STRIDE;
        coords[o] = kind;
        coords[o + 1] = a;
        coords[o + 2] = b;
        coords[o + 3] = c;
        coords[o + 4] = d;
        colors[shapes] = rgb & 0xFFFFFF;
        shapes++;
    }

    /** Forgets shapes added after the first {@code shapeCount} (a faulted update's). */
    void truncate(int shapeCount) {
        shapes = Math.min(shapes, shapeCount);
    }
}
