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
     * Entities in a shadow run's copy of the world: enough to meet every behaviour in use, few
     * enough that the game thread copies them in microseconds and the run takes milliseconds.
     */
    static final int SHADOW_SAMPLE_ENTITIES = 512;

    private volatile SlotTable slots = SlotTable.EMPTY;
    private volatile Set<String> liveNames = Set.of();
    private volatile Runnable wakeGameThread = () -> { };
    private final AtomicReference<CompletableFuture<WorldState>> wanted = new AtomicReference<>();

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
        CompletableFuture<WorldState> w = wanted.get() == null ? null : wanted.getAndSet(null);
        if (w != null) {
            w.complete(world.sample(SHADOW_SAMPLE_ENTITIES));
        }
    }

    /**
     * Asks the game thread for a copy at its next tick boundary; asked for before the new classes
     * load, so that its answer and the loading overlap. Reload thread.
     */
    CompletableFuture<WorldState> request() {
        CompletableFuture<WorldState> w = new CompletableFuture<>();
        wanted.set(w);
        wakeGameThread.run();
        return w;
    }

    /** The game thread no longer needs to answer {@code request}. */
    void withdraw(CompletableFuture<WorldState> request) {
        wanted.compareAndSet(request, null);
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
        CompletableFuture<WorldState> w = request();
        try {
            return await(w);
        } finally {
            withdraw(w);
        }
    }
}
