package dev.pitstop.reload;

/**
 * The one seam between Pitstop's reload and the loop of the host that runs it (our game, or another
 * engine's): once between two ticks the loop reports its tick and its world and takes what is
 * ready to go live; that is all that crosses between the loop and the builds. (Requests a host
 * makes by hand, such as the game's F5 or its heap watch letting a version go, are calls of its
 * own reload object, not of the loop.) Building happens on the reload side's own threads; the
 * loop's thread never waits for it.
 *
 * <p>Thread use: {@link #wakeWith} once, before the loop starts; {@link #betweenTicks} on the
 * loop's thread only.
 *
 * @param <L> what goes live: the game's {@link ReadyGeneration}, a host's {@link HostScripts.Live}
 * @param <W> the host's world, of which the reload side copies what a trial run needs ({@code
 *            Void} for a host whose scripts get no trial run)
 */
public interface ReloadSeam<L, W> {

    /**
     * Between two ticks: {@code tick} is the host's tick (it stamps what the reload side reports);
     * if a trial run waits for a copy of the world, it is copied from {@code world} now, on this
     * thread, and only the copy leaves it. Returns what is ready to go live (install it before the
     * next tick), or null.
     */
    L betweenTicks(long tick, W world);

    /**
     * {@code wake} brings back a loop thread sleeping until its next tick, when something is ready
     * or a trial run waits for the world; called from the reload side's threads.
     */
    void wakeWith(Runnable wake);
}
