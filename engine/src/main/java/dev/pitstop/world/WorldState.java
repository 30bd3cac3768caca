package dev.pitstop.world;

import java.util.Set;

/**
 * Everything the game is, in one place the engine owns: what snapshots save, what the checksum
 * covers, what survives every reload. Script code never holds a reference to it (it sees views).
 * Game thread only; a {@link #copy()} may be handed to another thread that then owns it.
 */
public final class WorldState {

    public static final float DEFAULT_WIDTH = 1280f;
    public static final float DEFAULT_HEIGHT = 720f;

    public final int hz;
    public final long stepNanos;
    public final float width;
    public final float height;
    public long tick;
    public int nextId = 1;
    public final Rng rng;
    public Entities entities;
    public Projectiles projectiles;
    public Player player;
    public SlotTable slots = SlotTable.EMPTY;
    public Waves waves = Waves.none();

    public WorldState(int hz, long seed, float width, float height) {
        this(hz, new Rng(seed), width, height, new Entities(256), new Projectiles(256), new Player());
        player.x = player.prevX = width / 2f;
        player.y = player.prevY = height / 2f;
    }

    WorldState(int hz, Rng rng, float width, float height, Entities entities, Projectiles projectiles,
            Player player) {
        this.hz = hz;
        this.stepNanos = stepNanosOf(hz);
        this.rng = rng;
        this.width = width;
        this.height = height;
        this.entities = entities;
        this.projectiles = projectiles;
        this.player = player;
    }

    public static long stepNanosOf(int hz) {
        if (hz <= 0) {
            throw new IllegalArgumentException("hz must be positive, was " + hz);
        }
        return 1_000_000_000L / hz;
    }

    public float dtSeconds() {
        return stepNanos / 1e9f;
    }

    /**
     * A deep copy with at most {@code maxEntities} entities, taken evenly across the entity list
     * (every k-th), so every behaviour in use is likely represented; shots, player, random source,
     * slots and tick come along, waves do not (a copy should not grow). For shadow runs: cheap
     * enough to take on the game thread between two ticks.
     */
    public WorldState sample(int maxEntities) {
        int stride = Math.max(1, (entities.count + maxEntities - 1) / Math.max(1, maxEntities));
        return withEntities(entities.sample(stride));
    }

    /**
     * As {@link #sample(int)}, but weighted to the behaviours {@code focus}: {@code focusMax} of
     * their entities (more if they are so many that an even sample of {@code evenTotal} would take
     * more of them, never more than {@code evenTotal}; 0 for {@code focusMax} alone) and at most {@code otherMax} of the rest,
     * each taken evenly across the entity list. For the shadow run of an edit: the code that changed
     * meets many entities, never fewer than an even sample gave it, and the code that did not (and
     * has run on all of them) a few, for what the changed code does to it.
     */
    public WorldState sample(Set<String> focus, int focusMax, int otherMax, int evenTotal) {
        boolean[] focused = new boolean[slots.size()];
        for (int s = 0; s < focused.length; s++) {
            focused[s] = focus.contains(slots.name(s));
        }
        return withEntities(entities.sample(focused, focusMax, otherMax, evenTotal));
    }

    private WorldState withEntities(Entities sampled) {
        WorldState w = new WorldState(hz, new Rng(rng.state()), width, height, sampled, projectiles.copy(),
                player.copy());
        w.tick = tick;
        w.nextId = nextId;
        w.slots = slots;
        return w;
    }

    /** A deep copy that shares nothing mutable with this world. */
    public WorldState copy() {
        WorldState w = new WorldState(hz, new Rng(rng.state()), width, height, entities.copy(),
                projectiles.copy(), player.copy());
        w.tick = tick;
        w.nextId = nextId;
        w.slots = slots;
        w.waves = waves.copy();
        return w;
    }
}
