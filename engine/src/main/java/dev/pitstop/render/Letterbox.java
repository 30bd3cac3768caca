package dev.pitstop.render;

/**
 * Where the arena goes in a window of another shape: the largest rectangle of the arena's aspect
 * that fits, centred, with bars on the two other sides. Pixel coordinates have their origin at the
 * top left, like the world's (y grows downwards). Immutable; any thread.
 *
 * @param x left edge of the arena, in pixels
 * @param y top edge of the arena, in pixels
 * @param width the arena's width, in pixels
 * @param height the arena's height, in pixels
 * @param pixelsPerUnit pixels per world unit
 */
public record Letterbox(int x, int y, int width, int height, float pixelsPerUnit) {

    /** Fits an arena of {@code arenaWidth x arenaHeight} world units into a surface of pixels. */
    public static Letterbox fit(int surfaceWidth, int surfaceHeight, float arenaWidth, float arenaHeight) {
        int sw = Math.max(1, surfaceWidth);
        int sh = Math.max(1, surfaceHeight);
        float scale = Math.min(sw / arenaWidth, sh / arenaHeight);
        int w = Math.max(1, Math.round(arenaWidth * scale));
        int h = Math.max(1, Math.round(arenaHeight * scale));
        return new Letterbox((sw - w) / 2, (sh - h) / 2, w, h, scale);
    }

    /** The world x under pixel column {@code px}. */
    public float worldX(double px) {
        return (float) ((px - x) / pixelsPerUnit);
    }

    public float worldY(double py) {
        return (float) ((py - y) / pixelsPerUnit);
    }

    /** The pixel column of world x {@code wx}. */
    public double pixelX(float wx) {
        return x + wx * (double) pixelsPerUnit;
    }

    public double pixelY(float wy) {
        return y + wy * (double) pixelsPerUnit;
    }
}
