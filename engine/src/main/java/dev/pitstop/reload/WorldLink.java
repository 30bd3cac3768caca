package dev.pitstop.reload;

import dev.pitstop.world.SlotTable;
import dev.pitstop.world.WorldState;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the reload side knows of the game thread's world, and the one way it gets a copy of it:
 * the game thread tells what the world uses after every swap ({@link #publish}) and, between two
 * ticks, hands a sample of the world to a shadow run that asked for one ({@link #serve}); the
 * reload thread asks ({@link #request}) and waits a bounded time ({@link #await}). Only copies
 * cross: never the live world.
 */
final class WorldLink {

    /** How long a shadow run waits for the game thread's copy of the world (a paused debugger, say). */
    private static final long COPY_PATIENCE_MILLIS = 2000;
    /**
     * Entities in a copy of the world taken evenly (the path warm-up's), and the most a world may
     * have to be copied whole for a shadow run: enough to meet every behaviour in use, few enough
     * that the game thread copies them in microseconds and a run takes milliseconds.
     */
    static final int SHADOW_SAMPLE_ENTITIES = 512;
    /**
     * In a shadow run's copy, the entities of the behaviours whose code changed: five times what an
     * even sample of 512 gives one behaviour of twenty; more when an edit changed so many (a helper
     * they all use) that an even sample of 512 would give them more, up to 512.
     */
    static final int SHADOW_FOCUS_ENTITIES = 128;
    /** In a shadow run's copy, the most entities of the other behaviours, which have run on all of them. */
    static final int SHADOW_OTHER_ENTITIES = 64;

    /**
     * Entities of the changed behaviours in the warm-up's copy: as many calls of the new code as an
     * even sample gave it, enough for the JIT's first tier, and a crowd of neighbours stays cheap.
     */
    static final int WARM_UP_ENTITIES = 32;

    /** A copy asked for, and the behaviours to weight it to (null: an even sample). */
    private record Wanted(CompletableFuture<WorldState> copy, Set<String> focus) { }

    private volatile SlotTable slots = SlotTable.EMPTY;
    private volatile Set<String> liveNames = Set.of();
    private volatile Runnable wakeGameThread = () -> { };
    private final AtomicReference<Wanted> wanted = new AtomicReference<>();

    SlotTable slots() {
        return slots;
    }

    Set<String> liveNames() {
        return liveNames;
    }

    /** What the world now uses. Game thread (or the main thread before it). */
    void publish(SlotTable slots, Set<String> live) {
        this.slots = slots;
        this.liveNames = Set.copyOf(live);
    }

    void slots(SlotTable slots) {
        this.slots = slots;
    }

    void onWake(Runnable callback) {
        wakeGameThread = callback;
    }

    /** Wakes a game thread sleeping until its next tick. Reload thread. */
    void wakeGameThread() {
        wakeGameThread.run();
    }

    /** Between two ticks: a waiting shadow run gets a sample of {@code world}. Game thread. */
    void serve(WorldState world) {
        // A plain read first: this runs before every tick, and a copy is wanted once a build.
        Wanted w = wanted.get() == null ? null : wanted.getAndSet(null);
        if (w != null) {
            // A world small enough to copy whole is copied whole, whatever changed.
            w.copy().complete(w.focus() == null || world.entities.count <= SHADOW_SAMPLE_ENTITIES
                    ? world.sample(SHADOW_SAMPLE_ENTITIES)
                    : world.sample(w.focus(), SHADOW_FOCUS_ENTITIES, SHADOW_OTHER_ENTITIES,
                            SHADOW_SAMPLE_ENTITIES));
        }
    }

    /**
     * Asks the game thread for a copy at its next tick boundary; asked for before the new classes
     * load, so that its answer and the loading overlap. Reload thread.
     *
     * @param focus the behaviours whose code changed: the copy holds
     *              {@link #SHADOW_FOCUS_ENTITIES} of their entities (or an even sample's share of
     *              them, if more) and up to {@link #SHADOW_OTHER_ENTITIES} of the rest; null for an even sample of {@link #SHADOW_SAMPLE_ENTITIES}. A world
     *              of no more than that many entities is copied whole either way.
     */
    CompletableFuture<WorldState> request(Set<String> focus) {
        CompletableFuture<WorldState> w = new CompletableFuture<>();
        wanted.set(new Wanted(w, focus == null ? null : Set.copyOf(focus)));
        wakeGameThread.run();
        return w;
    }

    /** The game thread no longer needs to answer {@code request}. */
    void withdraw(CompletableFuture<WorldState> request) {
        Wanted w = wanted.get();
        if (w != null && w.copy() == request) {
            wanted.compareAndSet(w, null);
        }
    }

    /** The copy {@code request} brings, or null if the game thread did not answer in time. */
    static WorldState await(CompletableFuture<WorldState> request) {
        try {
            return request.get(COPY_PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Asks for a copy and waits for it; null if none came in time. Reload thread. */
    WorldState copyNow() {
        CompletableFuture<WorldState> w = request(null);
        try {
            return await(w);
        } finally {
            withdraw(w);
        }
    }
}
