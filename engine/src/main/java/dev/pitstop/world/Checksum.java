package dev.pitstop.world;

/**
 * A 64-bit hash over all world state that scripts can affect (and the state that decides what they
 * see next: tick, random source, waves). Two worlds with the same checksum behave the same from
 * then on. Called on the thread that owns the world.
 */
public final class Checksum {

    private long h = 0x9E3779B97F4A7C15L;

    private Checksum() {
    }

    public static long of(WorldState w) {
        Checksum c = new Checksum();
        c.add(w.tick).add(w.hz).add(w.rng.state()).add(w.nextId).add(w.width).add(w.height);
        for (int s = 0; s < w.slots.size(); s++) {
            c.add(w.slots.name(s));
        }
        Entities e = w.entities;
        c.add(e.count);
        for (int i = 0; i < e.count; i++) {
            c.add(e.id[i]).add(e.slot[i]).add(e.x[i]).add(e.y[i]).add(e.prevX[i]).add(e.prevY[i])
                    .add(e.vx[i]).add(e.vy[i]).add(e.health[i]).add(e.cooldown[i]);
            EntityMemory m = e.memory[i];
            c.add(m.size());
            for (int k = 0; k < m.size(); k++) {
                c.add(m.key(k)).add(m.type(k)).add(m.rawValue(k));
            }
        }
        Projectiles p = w.projectiles;
        c.add(p.count);
        for (int i = 0; i < p.count; i++) {
            c.add(p.owner[i]).add(p.x[i]).add(p.y[i]).add(p.vx[i]).add(p.vy[i]).add(p.lifeSeconds[i]);
        }
        Player pl = w.player;
        c.add(pl.x).add(pl.y).add(pl.vx).add(pl.vy).add(pl.aimX).add(pl.aimY).add(pl.health).add(pl.cooldown)
                .add(pl.invulnerableSeconds).add(pl.score);
        c.add(w.waves.next).add(w.waves.ticksSinceWave);
        return c.finish();
    }

    public static String hex(long checksum) {
        return String.format("%016x", checksum);
    }

    private Checksum add(long v) {
        h ^= v;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return this;
    }

    private Checksum add(int v) {
        return add((long) v);
    }

    private Checksum add(float v) {
        return add(Float.floatToIntBits(v));
    }

    private Checksum add(String s) {
        add(s.length());
        for (int i = 0; i < s.length(); i++) {
            add(s.charAt(i));
        }
        return this;
    }

    private long finish() {
        long z = h;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
