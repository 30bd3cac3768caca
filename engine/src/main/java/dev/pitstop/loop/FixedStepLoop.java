package dev.pitstop.loop;

/**
 * Fixed-timestep accumulator (Fiedler, "Fix Your Timestep!"). Each {@link #frame} adds the real
 * time elapsed since the last one, clamped to {@link #maxFrameNanos()} so that a stall (a debugger
 * breakpoint, a GC, a slow disk) cannot start a spiral of catch-up ticks, then runs whole ticks
 * while the accumulator holds one step. What is left is the interpolation {@link #alpha()} in
 * [0, 1) for the renderer. {@link Ticker#beforeTick()} is the place between two ticks where a
 * pending script generation is installed (the host calls the same step once a frame as well, so
 * that a paused loop, which runs no tick, still takes a new generation).
 *
 * <p>Game thread only; not thread-safe.
 */
public final class FixedStepLoop {

    /** What the loop drives. Called on the game thread. */
    public interface Ticker {

        /** Between two ticks: install a pending generation, apply queued commands. */
        void beforeTick();

        /** Advance the world by exactly one step. */
        void tick();

        /** Checked before every tick; true stops the frame (e.g. the tick limit was reached). */
        boolean stopRequested();
    }

    public static final long DEFAULT_MAX_FRAME_NANOS = 250_000_000L;

    private final long stepNanos;
    private final long maxFrameNanos;
    private final Ticker ticker;
    private long accumulatorNanos;
    private long lastNanos;
    private boolean started;
    private boolean paused;
    private int stepsRequested;

    public FixedStepLoop(long stepNanos, long maxFrameNanos, Ticker ticker) {
        if (stepNanos <= 0) {
            throw new IllegalArgumentException("stepNanos must be positive, was " + stepNanos);
        }
        if (maxFrameNanos < stepNanos) {
            throw new IllegalArgumentException("maxFrameNanos (" + maxFrameNanos
                    + ") must be at least one step (" + stepNanos + ")");
        }
        this.stepNanos = stepNanos;
        this.maxFrameNanos = maxFrameNanos;
        this.ticker = ticker;
    }

    public FixedStepLoop(long stepNanos, Ticker ticker) {
        this(stepNanos, Math.max(DEFAULT_MAX_FRAME_NANOS, stepNanos), ticker);
    }

    /**
     * Runs the ticks that real time calls for.
     *
     * @param nowNanos the current time of the loop's clock
     * @return how many ticks ran
     */
    public int frame(long nowNanos) {
        if (!started) {
            started = true;
            lastNanos = nowNanos;
        }
        long elapsed = Math.min(Math.max(0, nowNanos - lastNanos), maxFrameNanos);
        lastNanos = nowNanos;
        int ran = 0;
        if (paused) {
            accumulatorNanos = 0;
            while (stepsRequested > 0 && !ticker.stopRequested()) {
                stepsRequested--;
                runTick();
                ran++;
            }
            return ran;
        }
        accumulatorNanos += elapsed;
        while (accumulatorNanos >= stepNanos && !ticker.stopRequested()) {
            runTick();
            accumulatorNanos -= stepNanos;
            ran++;
        }
        if (accumulatorNanos >= stepNanos) {
            // Stopped early: what is left is not owed to anyone.
            accumulatorNanos = accumulatorNanos % stepNanos;
        }
        return ran;
    }

    /** One tick now, regardless of time (unthrottled runs, single steps). */
    public void runTick() {
        ticker.beforeTick();
        ticker.tick();
    }

    /** How far real time has moved past the last tick, as a fraction of a step, in [0, 1). */
    public float alpha() {
        float a = (float) ((double) accumulatorNanos / stepNanos);
        return a >= 1f ? Math.nextDown(1f) : a;
    }

    /** Nanoseconds of real time until the next tick is due (0 if due now). */
    public long nanosUntilNextTick() {
        return paused ? stepNanos : Math.max(0, stepNanos - accumulatorNanos);
    }

    public void pause() {
        paused = true;
        accumulatorNanos = 0;
    }

    public void resume() {
        paused = false;
        stepsRequested = 0;
    }

    /** While paused: run exactly one tick at the next frame. */
    public void stepOnce() {
        if (paused) {
            stepsRequested++;
        }
    }

    public boolean paused() {
        return paused;
    }

    public long stepNanos() {
        return stepNanos;
    }

    public long maxFrameNanos() {
        return maxFrameNanos;
    }
}
