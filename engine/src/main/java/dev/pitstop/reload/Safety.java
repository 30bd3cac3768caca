package dev.pitstop.reload;

/**
 * How far scripts are trusted: the sandbox and the work budget (off with {@code --trust-scripts}),
 * the budget per behaviour update ({@code --budget}), and the shadow run's length
 * ({@code --shadow-ticks}, 0 for none). Immutable; made on the main thread.
 *
 * @param trusted       true: no sandbox scan and no budget instrumentation
 * @param budgetUnits   work one behaviour update (and each static initializer and constructor) may
 *                      do, in counted units: one per loop back-edge, script method entry and
 *                      exception handler entered, plus one per 64 array elements allocated
 * @param shadowTicks   ticks a new generation runs on a copy of the world before it goes live
 */
public record Safety(boolean trusted, long budgetUnits, int shadowTicks) {

    /** Enough for any sane update (a few thousand units) and small enough to stop a runaway in about a millisecond. */
    public static final long DEFAULT_BUDGET_UNITS = 1_000_000L;
    public static final int DEFAULT_SHADOW_TICKS = 30;

    public static final Safety DEFAULT = new Safety(false, DEFAULT_BUDGET_UNITS, DEFAULT_SHADOW_TICKS);

    public Safety {
        if (budgetUnits <= 0) {
            throw new IllegalArgumentException("budgetUnits must be positive, was " + budgetUnits);
        }
        if (shadowTicks < 0) {
            throw new IllegalArgumentException("shadowTicks must not be negative, was " + shadowTicks);
        }
    }
}
