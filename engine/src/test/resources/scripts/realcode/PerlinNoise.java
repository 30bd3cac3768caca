package realcode;

/**
 * Gradient noise in two dimensions (Perlin's improved noise, with 16 gradients on the unit circle)
 * and value noise in one, over a permutation of 2^16 entries shuffled once, deterministically, in
 * the static initializer. The tables are written there and only read afterwards.
 */
public final class PerlinNoise {

    private static final int SIZE = 1 << 16;
    private static final int MASK = SIZE - 1;

    /** The permutation twice over, so that {@code PERM[PERM[x] + y + 1]} needs no wrapping. */
    private static final int[] PERM = new int[SIZE * 2];
    private static final float[] VALUES = new float[SIZE];
    private static final float[] GRAD_X = new float[16];
    private static final float[] GRAD_Y = new float[16];

    static {
        int[] p = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            p[i] = i;
        }
        long state = 0x9E3779B97F4A7C15L;
        for (int i = SIZE - 1; i > 0; i--) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            int j = (int) Long.remainderUnsigned(state, i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        for (int i = 0; i < PERM.length; i++) {
            PERM[i] = p[i & MASK];
        }
        for (int i = 0; i < SIZE; i++) {
            VALUES[i] = p[i] / (float) MASK;
        }
        for (int i = 0; i < GRAD_X.length; i++) {
            double angle = i * (Math.PI * 2.0 / GRAD_X.length);
            GRAD_X[i] = (float) Math.cos(angle);
            GRAD_Y[i] = (float) Math.sin(angle);
        }
    }

    private PerlinNoise() {
    }

    static float fade(float t) {
        return t * t * t * (t * (t * 6f - 15f) + 10f);
    }

    static float lerp(float a, float b, float t) {
        return a + t * (b - a);
    }

    private static float gradient(int hash, float x, float y) {
        int h = hash & 15;
        return GRAD_X[h] * x + GRAD_Y[h] * y;
    }

    /** Gradient noise at (x, y), in about [-1, 1], continuous and smooth. */
    public static float noise(float x, float y) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        float xf = x - xi;
        float yf = y - yi;
        int cx = xi & MASK;
        int cy = yi & MASK;
        int aa = PERM[PERM[cx] + cy];
        int ab = PERM[PERM[cx] + cy + 1];
        int ba = PERM[PERM[cx + 1] + cy];
        int bb = PERM[PERM[cx + 1] + cy + 1];
        float u = fade(xf);
        float v = fade(yf);
        float bottom = lerp(gradient(aa, xf, yf), gradient(ba, xf - 1f, yf), u);
        float top = lerp(gradient(ab, xf, yf - 1f), gradient(bb, xf - 1f, yf - 1f), u);
        return lerp(bottom, top, v);
    }

    /** Several octaves of {@link #noise}, each at twice the frequency and half the amplitude. */
    public static float fractal(float x, float y, int octaves) {
        float sum = 0f;
        float amplitude = 1f;
        float norm = 0f;
        for (int i = 0; i < octaves; i++) {
            sum += noise(x, y) * amplitude;
            norm += amplitude;
            amplitude *= 0.5f;
            x *= 2f;
            y *= 2f;
        }
        return sum / norm;
    }

    /** Value noise along a line, in [0, 1]: the table's values, smoothly blended. */
    public static float value(float x) {
        int xi = (int) Math.floor(x);
        float t = fade(x - xi);
        return lerp(VALUES[xi & MASK], VALUES[(xi + 1) & MASK], t);
    }
}
