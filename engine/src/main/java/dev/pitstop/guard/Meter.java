package dev.pitstop.guard;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's work counter. A run (one update, one static initializer, one constructor) starts
 * with {@link #begin} and ends with {@link #end}; between them {@link #left} counts down. Only the
 * thread it belongs to touches {@link #left}; the watchdog reads {@link #serial} and
 * {@link #thread}, and writes {@link #stopSerial} and when the thread was held, which is all that
 * crosses threads.
 */
final class Meter {

    private static final VarHandle SERIAL;
    private static final String BACKSTOP_START = "stopped: still running after ";
    private static final String BACKSTOP_END = " ms of wall-clock time (the backstop, for time the work budget cannot "
            + "count, such as a long JDK call)";

    static {
        try {
            SERIAL = MethodHandles.lookup().findVarHandle(Meter.class, "serial", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Units still allowed in this run. Plain on purpose: the hot path is a decrement and a test,
     * and the JIT may keep it in a register inside a loop. 0 when no run is on, so that script
     * code running outside one is stopped at its first counted point.
     */
    long left;

    /** The budget of the run, for messages. */
    private long units;

    /**
     * The run's wall-clock backstop. Written before the run's serial is published (release) and
     * read by the watchdog after it reads the serial (acquire), so it always sees this run's.
     */
    private long backstopMillis = WorkBudget.BACKSTOP_MILLIS;

    /** Bytes charged in this run (arrays, and what JDK calls allocate), and in the run that ended last. */
    long allocated;
    private long lastAllocated;

    /** Bytes this run may still allocate (what is left of its behaviour's allowance for the tick). */
    private long bytesAllowed = Long.MAX_VALUE;

    /**
     * Why this run's units are what they are: a budget of its own (null), or what is left of a
     * larger allowance its caller shares among runs (say, one behaviour's share of a tick), named
     * here for the message when it runs out.
     */
    private String share;

    /**
     * Counts runs: odd while one is on. Written by the owner with release semantics (a plain store
     * on x86, unlike a volatile write) so the watchdog sees a run start and end without a fence on
     * the hot path; a run the watchdog sees with the same serial for too long is stuck.
     */
    @SuppressWarnings("unused") // accessed through SERIAL as well
    private long serial;

    /** The run the watchdog wants stopped, or -1. */
    private volatile long stopSerial = -1;

    /** The thread whose counter this is, for the watchdog to read its stack; set when the meter is given out. */
    volatile Thread thread;

    /** Where the thread was when the watchdog asked its run to stop (written before {@link #stopSerial}). */
    private volatile StackTraceElement[] stopTrace;

    /** Whether the run that ended last had been asked to stop by the watchdog, and where it was then. */
    private boolean lastRunTooLong;
    private StackTraceElement[] lastStopTrace;

    /**
     * Why the engine stopped the current run ({@link #fail}), or null: every counted point after
     * that throws again with the same message, as after an overrun.
     */
    private String failure;

    // Watchdog thread only.
    private long watchedSerial = -1;
    private long watchedSinceNanos;

    /** When the watchdog last saw {@link #thread} held by a debugger in a run; read by any thread's Stopwatch. */
    private volatile long heldAtNanos = Long.MIN_VALUE;

    long heldAtNanos() {
        return heldAtNanos;
    }

    void begin(long budgetUnits, long backstop) {
        begin(budgetUnits, backstop, Long.MAX_VALUE, null);
    }

    void begin(long budgetUnits, long backstop, long bytes, String shareName) {
        backstopMillis = backstop;
        bytesAllowed = bytes;
        share = shareName;
        failure = null;
        allocated = 0;
        units = budgetUnits;
        left = budgetUnits;
        long s = serial;
        SERIAL.setRelease(this, (s & 1) == 0 ? s + 1 : s + 2);
    }

    /** @return the units this run used */
    long end() {
        long used = units - Math.max(0, left);
        left = 0;
        long s = serial;
        lastRunTooLong = (s & 1) != 0 && stopSerial == s;
        lastAllocated = allocated;
        lastStopTrace = lastRunTooLong ? stopTrace : null;
        if ((s & 1) != 0) {
            SERIAL.setRelease(this, s + 1);
        }
        return used;
    }

    /**
     * If the run that ended last ran past the backstop (even if it returned before reaching a
     * counted point: a long JDK call), the error that says so, located where the watchdog found
     * the thread; else null.
     */
    BudgetExceeded lastRunBackstop() {
        if (!lastRunTooLong) {
            return null;
        }
        BudgetExceeded e = new BudgetExceeded(backstopMessage());
        StackTraceElement[] where = lastStopTrace;
        e.setStackTrace(where == null ? new StackTraceElement[0] : where);
        return e;
    }

    long lastRunBytes() {
        return lastAllocated;
    }

    /** Stops the current run for {@code message}; the caller throws what this returns. */
    BudgetExceeded fail(String message) {
        failure = message;
        left = 0;
        return new BudgetExceeded(message);
    }

    /** Called when the count passed a multiple of {@link WorkBudget#CHECK_MASK} + 1, or ran out. */
    void check() {
        if (left < 0 || (serial & 1) == 0 || stopSerial == serial) {
            throw exceeded();
        }
    }

    /**
     * Charges {@code cost} units at once (a JDK call's size, an allocation) before the work is done;
     * throws if they are more than the run has left, saying what was asked for
     * ({@code prefix amount suffix}: "an array of 500000000 elements"). Every charge also looks at
     * the backstop and at a failure, as a step at a check point does.
     */
    void charge(long cost, String prefix, long amount, String suffix) {
        long before = left;
        if (cost <= before && (serial & 1) != 0 && stopSerial != serial && failure == null) {
            left = before - cost;
            return;
        }
        if (cost > before && before >= 0 && (serial & 1) != 0 && stopSerial != serial && failure == null) {
            left = 0;
            StringBuilder m = new StringBuilder("stopped: ").append(prefix).append(amount).append(suffix)
                    .append(" would cost ").append(cost).append(" units, more than the ").append(before)
                    .append(" left of ");
            if (share != null) {
                m.append(share);
            } else {
                m.append("its work budget of ").append(units).append(" units (--budget)");
            }
            throw new BudgetExceeded(m.toString());
        }
        throw exceeded();
    }

    /**
     * Counts {@code bytes} about to be allocated against what the run may allocate; throws, naming
     * the allocation, if they are more.
     */
    void allocate(long bytes, String prefix, long amount, String suffix) {
        if (bytes > bytesAllowed - allocated) {
            left = 0;
            failure = new StringBuilder("stopped: ").append(prefix).append(amount).append(suffix)
                    .append(" would allocate ").append(bytes >> 20).append(" MiB, more than the ")
                    .append(Math.max(0, bytesAllowed - allocated) >> 20).append(" MiB left of what one behaviour may "
                    + "allocate in one tick").toString();
            throw new BudgetExceeded(failure);
        }
        allocated += bytes;
    }

    /**
     * The error for the current state. Leaves {@link #left} at 0, so that the next counted point
     * (a script catching the error reaches one soon: a back-edge, a handler, a call) throws again.
     * Messages are built with StringBuilder, not string concatenation: that would link an
     * invokedynamic call site on the first overrun, possibly with almost no stack left, and a
     * call site that fails to link stays failed.
     */
    private BudgetExceeded exceeded() {
        left = 0;
        long s = serial;
        if ((s & 1) == 0) {
            return new BudgetExceeded("stopped: script code may run only inside a behaviour update, a static "
                    + "initializer or a constructor");
        }
        if (failure != null) {
            return new BudgetExceeded(failure);
        }
        if (stopSerial == s) {
            return new BudgetExceeded(backstopMessage());
        }
        if (share != null) {
            return new BudgetExceeded(new StringBuilder("stopped: used up ").append(share).toString());
        }
        return new BudgetExceeded(new StringBuilder("stopped: used its whole work budget of ").append(units)
                .append(" units (--budget)").toString());
    }

    private String backstopMessage() {
        return new StringBuilder(BACKSTOP_START).append(backstopMillis).append(BACKSTOP_END).toString();
    }

    /**
     * Watchdog thread: asks a run that has been on for longer than its backstop to stop, counting
     * from when the watchdog first saw it, or from when a debugger last held the JVM
     * ({@code jvmHeldAtNanos}) or this run's thread, whichever is latest. The thread is asked about
     * only when the run was on at the last look too.
     */
    void watch(long nowNanos, long jvmHeldAtNanos, SuspendProbe probe) {
        long s = (long) SERIAL.getAcquire(this);
        if ((s & 1) == 0) {
            return;
        }
        long limitNanos = backstopMillis * 1_000_000L;
        if (s != watchedSerial) {
            watchedSerial = s;
            watchedSinceNanos = nowNanos;
            return;
        }
        Thread t = thread;
        if (t != null && probe.suspended(t)) {
            heldAtNanos = nowNanos;
            return;
        }
        long since = Math.max(watchedSinceNanos, Math.max(jvmHeldAtNanos, heldAtNanos));
        if (nowNanos - since >= limitNanos && stopSerial != s) {
            stopTrace = t == null ? null : t.getStackTrace(); // where it is stuck: the fault names that line
            stopSerial = s;
        }
    }
}
