package dev.pitstop.world;

import java.util.Arrays;

/**
 * Shots in flight, struct-of-arrays like {@link Entities}. A shot lives until its lifetime runs
 * out, it hits something, or it leaves the arena. Game thread only.
 */
public final class Projectiles {

    public static final byte FROM_ENEMY = 0;
    public static final byte FROM_PLAYER = 1;
    public static final float RADIUS = 3f;

    public int count;
    public float[] x, y, prevX, prevY, vx, vy, lifeSeconds;
    public byte[] owner;

    public Projectiles(int capacity) {
        int c = Math.max(capacity, 16);
        x = new float[c];
        y = new float[c];
        prevX = new float[c];
        prevY = new float[c];
        vx = new float[c];
        vy = new float[c];
        lifeSeconds = new float[c];
        owner = new byte[c];
    }

    public void add(byte from, float px, float py, float velX, float velY, float life) {
        if (count == x.length) {
            int n = count * 2;
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            prevX = Arrays.copyOf(prevX, n);
            prevY = Arrays.copyOf(prevY, n);
            vx = Arrays.copyOf(vx, n);
            vy = Arrays.copyOf(vy, n);
            lifeSeconds = Arrays.copyOf(lifeSeconds, n);
            owner = Arrays.copyOf(owner, n);
        }
        int i = count++;
        owner[i] = from;
        x[i] = prevX[i] = px;
        y[i] = prevY[i] = py;
        vx[i] = velX;
        vy[i] = velY;
        lifeSeconds[i] = life;
    }

    /** Removes shots whose life is at or below zero, keeping the others' order. */
    public void removeSpent() {
        int w = 0;
        for (int r = 0; r < count; r++) {
            if (lifeSeconds[r] > 0f) {
                if (w != r) {
                    x[w] = x[r];
                    y[w] = y[r];
                    prevX[w] = prevX[r];
                    prevY[w] = prevY[r];
                    vx[w] = vx[r];
                    vy[w] = vy[r];
                    lifeSeconds[w] = lifeSeconds[r];
                    owner[w] = owner[r];
                }
                w++;
            }
        }
        count = w;
    }

    public Projectiles copy() {
        Projectiles p = new Projectiles(count);
        p.count = count;
        System.arraycopy(x, 0, p.x, 0, count);
        System.arraycopy(y, 0, p.y, 0, count);
        System.arraycopy(prevX, 0, p.prevX, 0, count);
        System.arraycopy(prevY, 0, p.prevY, 0, count);
        System.arraycopy(vx, 0, p.vx, 0, count);
        System.arraycopy(vy, 0, p.vy, 0, count);
        System.arraycopy(lifeSeconds, 0, p.lifeSeconds, 0, count);
        System.arraycopy(owner, 0, p.owner, 0, count);
        return p;
    }
}
