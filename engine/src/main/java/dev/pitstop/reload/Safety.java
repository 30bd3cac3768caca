package dev.pitstop.reload;

/**
 * How far scripts are trusted: the sandbox and the work budget (off with {@code --trust-scripts}),
 * the budget per behaviour update ({@code --budget}), and the shadow run's length
 * ({@code --shadow-ticks}, 0 for none). Immutable; made on the main thread.
 *
 * @param trusted       true: no sandbox scan and no budget instrumentation
 * @param budgetUnits   work one behaviour update may do, in counted units (see the scripts' member
 *                      table and WorkBudget); static initializers and constructors get
 *                      {@link #INITIALIZER_BUDGETS} times as much
 * @param shadowTicks   ticks a new generation runs on a copy of the world before it goes live
 */
public record Safety(boolean trusted, long budgetUnits, int shadowTicks) {

    /** Enough for any sane update (a few thousand units) and small enough to stop a runaway in about a millisecond. */
    public static final long DEFAULT_BUDGET_UNITS = 1_000_000L;
    public static final int DEFAULT_SHADOW_TICKS = 30;

    public static final Safety DEFAULT = new Safety(false, DEFAULT_BUDGET_UNITS, DEFAULT_SHADOW_TICKS);

    /**
     * How many update budgets a static initializer or constructor may use: one-off work such as
     * building a lookup table of a million entries (4 MB, a quarter of one budget) or a noise
     * permutation, done once per version.
     */
    public static final long INITIALIZER_BUDGETS = 16;

    /** The wall-clock backstop of a static initializer or constructor, for its larger budget run cold. */
    public static final long INITIALIZER_BACKSTOP_MILLIS = 3 * dev.pitstop.guard.WorkBudget.BACKSTOP_MILLIS;

    /** The work a static initializer or constructor may do. */
    public long initializerBudgetUnits() {
        return dev.pitstop.guard.Costs.mul(budgetUnits, INITIALIZER_BUDGETS);
    }

    public Safety {
        if (budgetUnits <= 0) {
            throw new IllegalArgumentException("budgetUnits must be positive, was " + budgetUnits);
        }
        if (shadowTicks < 0) {
            throw new IllegalArgumentException("shadowTicks must not be negative, was " + shadowTicks);
        }
    }
}
