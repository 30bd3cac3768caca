package dev.pitstop.reload;

/**
 * When a live generation is rolled back by itself: a new one that faults within {@link
 * #WINDOW_TICKS} live ticks, or one with a behaviour stopped by its work budget in {@link
 * #OVERRUN_TICKS} ticks in a row (one overrun may be a rare input, three in a row is the code).
 * Only a generation fresh from the reload pipeline is watched for early faults; one brought back
 * by a rollback or an A/B switch, or generation 1, is not. Pure bookkeeping, told each tick what
 * happened; single thread (the game thread).
 */
public final class RollbackRules {

    /** A new generation that faults within this many live ticks is rolled back. */
    public static final int WINDOW_TICKS = 60;

    /** A generation whose behaviours overran their budget this many ticks in a row is rolled back. */
    public static final int OVERRUN_TICKS = 3;

    /** What to do after a tick. */
    public enum Verdict {
        /** Keep the live generation. */
        KEEP,
        /** Roll back: it faulted within {@link #WINDOW_TICKS} ticks of going live. */
        FAULTED_EARLY,
        /** Roll back: it overran its budget {@link #OVERRUN_TICKS} ticks in a row. */
        OVERRUNNING
    }

    private long liveTicks;
    private boolean fresh;
    private int overrunRun;

    /**
     * A generation went live; {@code fromReload}: a new one from the pipeline (watched for early
     * faults), not one brought back (rollback, switch) or the first.
     */
    public void wentLive(boolean fromReload) {
        liveTicks = 0;
        fresh = fromReload;
        overrunRun = 0; // another generation's overruns are not this one's
    }

    /**
     * After a tick in which the live generation had {@code faults} faults and {@code overruns}
     * behaviours stopped by their budget. {@code earlierKept}: there is a generation to go back to
     * (an overrun alone never leaves the game with no scripts). A verdict other than {@link
     * Verdict#KEEP} expects the caller to roll back, and to call {@link #wentLive} if it did.
     */
    public Verdict afterTick(int faults, int overruns, boolean earlierKept) {
        liveTicks++;
        if (fresh && faults > 0 && liveTicks <= WINDOW_TICKS) {
            overrunRun = 0;
            return Verdict.FAULTED_EARLY;
        }
        overrunRun = overruns > 0 ? overrunRun + 1 : 0;
        if (overrunRun >= OVERRUN_TICKS && earlierKept) {
            overrunRun = 0;
            return Verdict.OVERRUNNING;
        }
        return Verdict.KEEP;
    }

    /** Ticks since the live generation went live. */
    public long liveTicks() {
        return liveTicks;
    }
}
