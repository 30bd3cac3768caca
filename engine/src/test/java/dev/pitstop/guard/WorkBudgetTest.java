package dev.pitstop.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pitstop.testing.RunningEngine;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The counter itself, driven by hand: exact, per thread, the same on both paths, and backed by the watchdog. */
class WorkBudgetTest {

    @AfterEach
    void endRun() {
        WorkBudget.end();
    }

    /** Runs {@code body} on a new thread (after claiming the fast path there if asked) and rethrows what it threw. */
    private static void onThread(boolean fast, ThrowingRunnable body) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                if (fast) {
                    WorkBudget.claimFastPath();
                    assumeTrue(WorkBudget.onFastPath(), "another live thread holds the fast path");
                }
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                WorkBudget.end();
            }
        }, fast ? "budget-fast" : "budget-other");
        t.start();
        t.join(RunningEngine.PATIENCE.toMillis());
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    interface ThrowingRunnable {
        void run() throws Throwable;
    }

    private static void steps(long n) {
        for (long i = 0; i < n; i++) {
            WorkBudget.step();
        }
    }

    /** Exactly {@code units} steps pass, the next throws, and so does every one after it. */
    private static void exact(long units) {
        WorkBudget.begin(units);
        steps(units);
        BudgetExceeded first = assertThrows(BudgetExceeded.class, WorkBudget::step);
        assertTrue(first.getMessage().contains("work budget of " + units + " units"), first.getMessage());
        assertThrows(BudgetExceeded.class, WorkBudget::step, "caught once, it comes again at the next step");
        WorkBudget.begin(units);
        steps(units); // a new run starts afresh
    }

    @Test
    void countsExactlyOnTheThreadLocalPath() throws Throwable {
        onThread(false, () -> {
            assertFalse(WorkBudget.onFastPath());
            for (long units : new long[] {1, 5, 1023, 1024, 1025, 3000}) {
                exact(units);
            }
        });
    }

    @Test
    void countsExactlyOnTheFastPath() throws Throwable {
        onThread(true, () -> {
            for (long units : new long[] {1, 5, 1023, 1024, 1025, 3000}) {
                exact(units);
            }
        });
    }

    @Test
    void outsideARunTheFirstStepThrows() {
        WorkBudget.end();
        BudgetExceeded e = assertThrows(BudgetExceeded.class, WorkBudget::step);
        assertTrue(e.getMessage().contains("only inside"), e.getMessage());
    }

    @Test
    void arraysAreChargedByTheirBytesBeforeTheyAreMade() {
        WorkBudget.begin(11);
        assertEquals(40, WorkBudget.arrayLength(40, 4), "160 bytes: ten units and one for the allocation");
        assertThrows(BudgetExceeded.class, WorkBudget::step, "the eleven units went to the array");
        WorkBudget.begin(1_000_000_000L);
        assertEquals(-1, WorkBudget.arrayLength(-1, 8), "a negative size is the JVM's to refuse");
        assertEquals(1 << 20, WorkBudget.arrayLength(1 << 20, 4), "a lookup table of 2^20 ints is a charge, not a cap");
        BudgetExceeded big = assertThrows(BudgetExceeded.class, () -> WorkBudget.arrayLength(Integer.MAX_VALUE, 8));
        assertTrue(big.getMessage().startsWith("stopped: an array of 2147483647 elements would cost 1073741824 units"),
                big.getMessage());
        assertThrows(BudgetExceeded.class, WorkBudget::step, "and the run is over");
        WorkBudget.begin(1_000_000_000L);
        WorkBudget.multiArray(new int[] {0, Integer.MAX_VALUE}, 4);
        WorkBudget.multiArray(new int[] {1000, 999}, 8);
        BudgetExceeded e = assertThrows(BudgetExceeded.class,
                () -> WorkBudget.multiArray(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, 1));
        assertTrue(e.getMessage().startsWith("stopped: arrays of "), e.getMessage());
    }

    @Test
    void aChargeLargerThanWhatIsLeftStopsTheRunBeforeTheWork() {
        WorkBudget.begin(1000);
        WorkBudget.charge(400);
        WorkBudget.charge(100, 16 * 100);
        BudgetExceeded e = assertThrows(BudgetExceeded.class, () -> WorkBudget.charge(401));
        assertEquals("stopped: a call of 401 units of work would cost 401 units, more than the 400 left of its work "
                + "budget of 1000 units (--budget)", e.getMessage());
        assertThrows(BudgetExceeded.class, WorkBudget::step, "caught, it comes again");
        WorkBudget.begin(1000);
        BudgetExceeded alloc = assertThrows(BudgetExceeded.class, () -> WorkBudget.charge(1, Long.MAX_VALUE));
        assertTrue(alloc.getMessage().startsWith("stopped: a call that allocates 9223372036854775807 bytes"),
                alloc.getMessage());
        WorkBudget.begin(1000);
        WorkBudget.steps(999);
        assertThrows(BudgetExceeded.class, () -> WorkBudget.steps(2), "a weighted step counts every unit");
    }

    @Test
    void aFailureStopsTheRunAndComesBackAtEveryCountedPoint() throws Throwable {
        for (boolean fast : new boolean[] {false, true}) {
            onThread(fast, () -> {
                WorkBudget.begin(1_000_000);
                BudgetExceeded first = WorkBudget.fail("stopped: a stale view");
                assertEquals("stopped: a stale view", first.getMessage());
                BudgetExceeded again = assertThrows(BudgetExceeded.class, WorkBudget::step);
                assertEquals("stopped: a stale view", again.getMessage(), "the same reason, not an overrun");
                WorkBudget.begin(10);
                steps(10); // the next run starts clean
            });
        }
    }

    @Test
    void threadsCountApart() throws Throwable {
        // Two threads (one on the fast path if it is free) interleave 600 steps each under budgets of 1000.
        CyclicBarrier barrier = new CyclicBarrier(2);
        ThrowingRunnable body = () -> {
            WorkBudget.begin(1000);
            for (int round = 0; round < 6; round++) {
                barrier.await();
                steps(100);
            }
        };
        AtomicReference<Throwable> other = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                other.set(e);
            } finally {
                WorkBudget.end();
            }
        });
        t.start();
        onThread(true, body);
        t.join(RunningEngine.PATIENCE.toMillis());
        assertNull(other.get());
    }

    @Test
    void theWatchdogStopsARunThatTakesTooLong() throws Throwable {
        for (boolean fast : new boolean[] {false, true}) {
            onThread(fast, () -> {
                WorkBudget.begin(Long.MAX_VALUE);
                BudgetExceeded e = assertThrows(BudgetExceeded.class, () -> {
                    while (true) {
                        WorkBudget.step();
                    }
                });
                assertTrue(e.getMessage().contains(WorkBudget.BACKSTOP_MILLIS + " ms of wall-clock time"), e.getMessage());
                WorkBudget.begin(5);
                steps(5); // the stop was for that run only
            });
        }
    }
}
