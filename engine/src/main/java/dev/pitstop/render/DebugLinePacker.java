package dev.pitstop.render;

import dev.pitstop.sim.DebugDraw;
import java.nio.FloatBuffer;

/**
 * Turns what scripts drew this tick ({@link DebugDraw}) into line-list vertices: per vertex
 * {@link #FLOATS_PER_VERTEX} floats, x, y (world units), red, green, blue. A circle becomes
 * {@link #CIRCLE_SEGMENTS} segments. What does not fit in the buffer is dropped. Game thread only.
 */
public final class DebugLinePacker {

    public static final int FLOATS_PER_VERTEX = 5;
    public static final int CIRCLE_SEGMENTS = 24;

    private static final float[] COS = new float[CIRCLE_SEGMENTS + 1];
    private static final float[] SIN = new float[CIRCLE_SEGMENTS + 1];

    static {
        for (int i = 0; i <= CIRCLE_SEGMENTS; i++) {
            double a = 2 * Math.PI * i / CIRCLE_SEGMENTS;
            COS[i] = (float) Math.cos(a);
            SIN[i] = (float) Math.sin(a);
        }
    }

    private DebugLinePacker() {
    }

    /** Writes vertices from {@code out}'s position on; returns how many (always even). */
    public static int pack(DebugDraw debug, FloatBuffer out) {
        float[] c = debug.coords();
        int[] colours = debug.colors();
        int vertices = 0;
        int segmentFloats = 2 * FLOATS_PER_VERTEX;
        for (int s = 0; s < debug.shapes(); s++) {
            int o = s * DebugDraw.STRIDE;
            int rgb = colours[s];
            float r = ((rgb >> 16) & 0xFF) / 255f;
            float g = ((rgb >> 8) & 0xFF) / 255f;
            float b = (rgb & 0xFF) / 255f;
            if (c[o] == DebugDraw.LINE) {
                if (out.remaining() < segmentFloats) {
                    break;
                }
                out.put(c[o + 1]).put(c[o + 2]).put(r).put(g).put(b);
                out.put(c[o + 3]).put(c[o + 4]).put(r).put(g).put(b);
                vertices += 2;
            } else {
                if (out.remaining() < segmentFloats * CIRCLE_SEGMENTS) {
                    break;
                }
                float x = c[o + 1];
                float y = c[o + 2];
                float radius = c[o + 3];
                for (int i = 0; i < CIRCLE_SEGMENTS; i++) {
                    out.put(x + COS[i] * radius).put(y + SIN[i] * radius).put(r).put(g).put(b);
                    out.put(x + COS[i + 1] * radius).put(y + SIN[i + 1] * radius).put(r).put(g).put(b);
                }
                vertices += 2 * CIRCLE_SEGMENTS;
            }
        }
        return vertices;
    }
}
