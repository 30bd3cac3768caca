package dev.pitstop.guard;

/**
 * The work budget of script code, counted deterministically so that a replay faults exactly where
 * the recorded run did. Instrumented script code (see {@code reload.bytecode.BudgetInstrumenter})
 * calls {@link #step()} at every loop back-edge, method entry and exception-handler entry, and
 * {@link #arrayLength}/{@link #multiArray} before every array allocation; the engine brackets each
 * piece of script code it runs (an update, a static initializer, a constructor) with
 * {@link #begin} and {@link #end}. Past the budget, past the wall-clock backstop or outside any
 * bracket, script code is stopped with a {@link BudgetExceeded}.
 *
 * <p>Threads: every method runs on the thread that runs the script code, and the budget is that
 * thread's own (game, shadow run, loader), since they run scripts at the same time. One thread,
 * the game thread, claims a fast path ({@link #claimFastPath}): its counter is a plain static
 * field behind a {@code Thread.currentThread()} check, which the JIT turns into a register compare.
 * Every other thread goes through a {@link ThreadLocal}. The {@link Watchdog} is the only other
 * thread that looks at the counters.
 *
 * <p>This class is shared with every script generation's class loader: it must hold no reference
 * to script objects or classes.
 */
public final class WorkBudget {

    /**
     * Allocating costs one unit per this many bytes, charged before the allocation: an array, or
     * what a JDK call allocates from a size it is given. Zeroing or copying 16 bytes takes about
     * as long as a counted step, and the budget bounds the memory one update can take (16 MB at
     * the default budget).
     */
    public static final int BYTES_PER_UNIT = 16;

    /** The bytes one reference takes, for the size of arrays of objects (compressed or not). */
    static final int REFERENCE_BYTES = 8;

    /**
     * Wall-clock time after which the watchdog stops a run at its next counted point; a run that
     * returns past it (a long JDK call) is a fault all the same ({@link #lastRunBackstop}). Well
     * above what legitimate code needs even cold: a first update links lambdas and stream
     * pipelines and loads JDK classes, which took over 250 ms on a busy 2-core machine. The count
     * stops ordinary runaways within a millisecond; this is the last resort for work it cannot
     * price, so it can afford to be generous.
     */
    public static final long BACKSTOP_MILLIS = 500;

    /**
     * A step looks beyond its decrement only when the count passes a multiple of this + 1 (or
     * runs out), which keeps the hot path to a decrement and a test; the backstop's stop request is
     * seen within that many units.
     */
    static final long CHECK_MASK = 1023;

    private static final Meter FAST = new Meter();
    private static final ThreadLocal<Meter> METERS = ThreadLocal.withInitial(WorkBudget::newMeter);

    /**
     * The thread whose counter is {@link #FAST}. Read without synchronization: only the thread
     * that wrote itself here can ever read itself back, which is all the fast path asks.
     */
    private static Thread fastThread;

    /** Whether the watchdog was started; a stale false only costs one more (idempotent) start. */
    private static boolean watching;

    static {
        Watchdog.watch(FAST);
        // Loaded now, not at a first overrun deep in a script's recursion where the stack is short.
        new BudgetExceeded("warm-up").getMessage();
    }

    private WorkBudget() {
    }

    private static Meter newMeter() {
        Meter m = new Meter();
        m.thread = Thread.currentThread();
        Watchdog.watch(m);
        return m;
    }

    /**
     * Makes the calling thread the one with the fast counter, unless another live thread has it.
     * The engine calls it on the game thread before the first tick.
     */
    public static synchronized void claimFastPath() {
        Thread me = Thread.currentThread();
        Thread owner = fastThread;
        if (owner == me || owner != null && owner.isAlive()) {
            return;
        }
        FAST.end();
        FAST.thread = me;
        fastThread = me;
    }

    /**
     * Gives the fast counter up, if the calling thread has it: when its game loop ends, so that the
     * next engine in this JVM (tests run many, one after another) can claim it.
     */
    public static synchronized void releaseFastPath() {
        if (fastThread == Thread.currentThread()) {
            FAST.end();
            fastThread = null;
        }
    }

    /** Whether the calling thread has the fast counter. */
    static boolean onFastPath() {
        return Thread.currentThread() == fastThread;
    }

    /** Starts a run of script code on this thread allowed {@code units} of work, with the usual backstop. */
    public static void begin(long units) {
        begin(units, BACKSTOP_MILLIS);
    }

    /**
     * Starts a run allowed {@code units} of work and {@code backstopMillis} of wall-clock time (a
     * static initializer's, longer than an update's, to go with its larger budget).
     */
    public static void begin(long units, long backstopMillis) {
        begin(units, backstopMillis, Long.MAX_VALUE, null);
    }

    /**
     * Starts a run that shares what is left of a larger allowance: {@code units} of work (at most a
     * budget) and {@code bytes} of allocation, which the caller counts across runs (one behaviour's
     * share of a tick, say). When {@code share} is not null, the units are what is left of the
     * allowance it names ("its behaviour's share of this tick (20 x --budget)"), and the message of
     * an overrun says so.
     */
    public static void begin(long units, long backstopMillis, long bytes, String share) {
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive, was " + units);
        }
        if (!watching) {
            Watchdog.start();
            watching = true;
        }
        meter().begin(units, backstopMillis, bytes, share);
    }

    /**
     * Ends this thread's run; script code reached after this is stopped at its first counted point.
     *
     * @return the units the run used (its whole budget if it was stopped)
     */
    public static long end() {
        return meter().end();
    }

    /**
     * Stops the calling thread's run of script code for {@code message}, for what the engine
     * catches from outside the count (a view used where it is no longer valid, say): the caller
     * throws the error this returns, and, like an overrun, every counted point after it throws
     * again with the same message, so a script that catches it cannot go on.
     */
    public static BudgetExceeded fail(String message) {
        return meter().fail(message);
    }

    /**
     * If the run this thread ended last ran longer than {@link #BACKSTOP_MILLIS} of wall-clock
     * time, even if it returned without reaching a counted point (one long JDK call), the error that
     * says so, located where the watchdog found it; else null. The engine treats it as the run
     * having thrown it.
     */
    public static BudgetExceeded lastRunBackstop() {
        return meter().lastRunBackstop();
    }

    /** The bytes charged to the run this thread ended last: its arrays and what its JDK calls allocated. */
    public static long lastRunBytes() {
        return meter().lastRunBytes();
    }

    /** One unit of work: a loop back-edge, a method entry, a handler entry. */
    public static void step() {
        if (Thread.currentThread() == fastThread) {
            Meter m = FAST;
            if ((m.left-- & CHECK_MASK) == 0) {
                m.check();
            }
        } else {
            otherStep();
        }
    }

    private static void otherStep() {
        Meter m = METERS.get();
        if ((m.left-- & CHECK_MASK) == 0) {
            m.check();
        }
    }

    /**
     * Before {@code newarray}/{@code anewarray}: charges the array's bytes and returns its length.
     *
     * @param elementBytes the bytes of one element: 1 to 8 for primitives, 8 for references
     */
    public static int arrayLength(int length, int elementBytes) {
        if (length > 0) {
            long bytes = (long) length * elementBytes;
            Meter m = meter();
            m.charge(1 + bytes / BYTES_PER_UNIT, "an array of ", length, " elements");
            m.allocate(bytes, "an array of ", length, " elements");
        }
        return length;
    }

    /**
     * Before {@code multianewarray}: charges every array it makes, counted as the elements of
     * each level ({@code a + a*b + a*b*c} for {@code new T[a][b][c]}), the last level at
     * {@code elementBytes} each, the others as references.
     */
    public static void multiArray(int[] dimensions, int elementBytes) {
        long bytes = 0;
        long level = 1;
        for (int i = 0; i < dimensions.length; i++) {
            int d = dimensions[i];
            if (d <= 0) {
                break; // nothing below an empty level; a negative size fails in the JVM itself
            }
            level = Costs.mul(level, d);
            bytes = Costs.add(bytes, Costs.mul(level, i == dimensions.length - 1 ? elementBytes : REFERENCE_BYTES));
        }
        if (bytes > 0) {
            Meter m = meter();
            m.charge(1 + bytes / BYTES_PER_UNIT, "arrays of ", level, " elements at their deepest level");
            m.allocate(bytes, "arrays of ", level, " elements at their deepest level");
        }
    }

    /**
     * {@code units} of work a JDK call is about to do, charged before it starts (see the scripts'
     * member table); script code calls it just before the call.
     */
    public static void charge(long units) {
        meter().charge(Math.max(0, units), "a call of ", units, " units of work");
    }

    /**
     * A JDK call about to do {@code units} of work and allocate {@code bytes}, charged together
     * before it starts.
     */
    public static void charge(long units, long bytes) {
        long b = Math.max(0, bytes);
        Meter m = meter();
        m.charge(Costs.add(Math.max(0, units), b / BYTES_PER_UNIT), "a call that allocates ", b, " bytes");
        m.allocate(b, "a call that allocates ", b, " bytes");
    }

    /**
     * {@code n} units at a loop's back-edge: one for the iteration and one for every constant-time
     * JDK call in the loop's body, so that a body full of calls costs what it does.
     */
    public static void steps(int n) {
        Meter m = meter();
        long before = m.left;
        long after = before - n;
        m.left = after;
        if (after < 0 || ((before ^ after) & ~CHECK_MASK) != 0) {
            m.check();
        }
    }

    private static Meter meter() {
        return Thread.currentThread() == fastThread ? FAST : METERS.get();
    }
}
