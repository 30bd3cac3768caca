package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A task of several steps is handed over once, and each step keeps a deadline of its own. */
class ScriptWorkerStepsTest {

    private static final long STEP_MILLIS = ScriptWorker.DEADLINE_MILLIS * 3 / 5;

    @Test
    void twoStepsThatTogetherTakeLongerThanOneDeadlineButEachLessFinish() throws Exception {
        try (ScriptWorker worker = new ScriptWorker("steps-test")) {
            String done = worker.call(() -> {
                sleep(STEP_MILLIS);
                ScriptWorker.nextStep();
                sleep(STEP_MILLIS);
                return "both";
            });
            assertEquals("both", done);
        }
    }

    @Test
    void aStepThatNeverEndsIsGivenUpAfterItsOwnDeadlineWhereItIs() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (ScriptWorker worker = new ScriptWorker("steps-test")) {
            long t0 = System.nanoTime();
            ScriptWorker.Stuck stuck = assertThrows(ScriptWorker.Stuck.class, () -> worker.call(() -> {
                sleep(STEP_MILLIS);
                ScriptWorker.nextStep();
                Thread.currentThread().setName("second-step");
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(waited >= STEP_MILLIS + ScriptWorker.DEADLINE_MILLIS, "the second step got its whole deadline: "
                    + waited + " ms");
            assertEquals("second-step", stuck.threadName());
            assertTrue(stuck.stack().length > 0 && java.util.Arrays.stream(stuck.stack())
                    .anyMatch(f -> f.getMethodName().contains("lambda")), "stuck in the task");
            // The next task gets a fresh thread.
            assertEquals("next", worker.call(() -> "next"));
        } finally {
            never.countDown();
        }
    }

    @Test
    void aTaskGivenUpDuringOneStepStartsNoOther() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<String> after = new java.util.concurrent.atomic.AtomicReference<>();
        try (ScriptWorker worker = new ScriptWorker("steps-test")) {
            assertThrows(ScriptWorker.Stuck.class, () -> worker.call(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    ScriptWorker.nextStep();
                    after.set("the next step ran");
                } catch (java.util.concurrent.CancellationException e) {
                    after.set("cancelled");
                }
                return null;
            }));
            release.countDown(); // the stuck step returns, long after its deadline
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (after.get() == null && System.nanoTime() < giveUp) {
                Thread.sleep(5);
            }
            assertEquals("cancelled", after.get());
        }
    }

    @Test
    void nextStepOutsideAWorkerDoesNothing() {
        ScriptWorker.nextStep();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
