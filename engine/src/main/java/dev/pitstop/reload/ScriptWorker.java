package dev.pitstop.reload;

import dev.pitstop.guard.Stopwatch;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the script code of a reload off the game thread, under a deadline on top of the work
 * budget (one per step of a task, see {@link #nextStep}): static initializers and constructors,
 * shadow runs, warm-ups. The budget counts script work but cannot stop a long JDK call, a lock
 * that is never released or trusted code; the deadline catches those. Each task runs on a daemon
 * worker thread while the caller waits for each of its steps at most {@link #DEADLINE_MILLIS}, not
 * counting time a debugger held the JVM or the worker (a breakpoint in a static initializer or in
 * the shadow run; see {@link Stopwatch}); past it the caller gets {@link Stuck} at once, with the
 * worker's stack at that moment, and the worker is abandoned: never interrupted, never waited for,
 * left to finish its step or to hang on its own (it starts no further step). The next
 * task gets a fresh worker, so one stuck script never holds up the saves after it.
 *
 * <p>One task may run several steps in a row ({@link #nextStep}), each with a deadline of its own,
 * so that the caller waits once for all of them: on two cores, every hand-over between the two
 * threads can cost milliseconds while the JIT and the game take both.
 *
 * <p>Threads: {@link #call} on one thread at a time (the reload thread, or the main thread for
 * generation 1, before the reload thread starts); {@link #nextStep} on a worker, from its task;
 * {@link #close} from any thread.
 */
final class ScriptWorker implements AutoCloseable {

    /** How long one piece of script code off the game thread may take, less what a debugger held. */
    static final long DEADLINE_MILLIS = 2000;

    private static final AtomicInteger THREADS = new AtomicInteger();
    /** The worker the calling thread is, if it is one. */
    private static final ThreadLocal<Worker> CURRENT = new ThreadLocal<>();

    /** Script code to run on the worker; a {@link Rejection} it throws reaches the caller as is. */
    @FunctionalInterface
    interface Task<T> {
        T run() throws Rejection;
    }

    /** A task that did not finish within the deadline, and where its thread was when it was given up. */
    static final class Stuck extends Exception {

        private static final long serialVersionUID = 1L;

        private final String workerName;
        private final String threadName;
        private final transient StackTraceElement[] stack;

        Stuck(String workerName, String threadName, StackTraceElement[] stack) {
            super(workerName + " did not finish within " + DEADLINE_MILLIS + " ms", null, false, false);
            this.workerName = workerName;
            this.threadName = threadName;
            this.stack = stack;
        }

        /** The worker's own name ({@code pitstop-scripts-N}), unique in the JVM. */
        String workerName() {
            return workerName;
        }

        /** The thread's name when it was given up: a step may name it for what it runs ({@code pitstop-shadow}). */
        String threadName() {
            return threadName;
        }

        /** The abandoned thread's stack when it was given up, innermost frame first. */
        StackTraceElement[] stack() {
            return stack.clone();
        }
    }

    private final String name;
    private volatile Worker worker;
    private volatile FutureTask<?> waitingFor;
    private volatile boolean closed;

    /** @param name names the worker threads: {@code name-N} */
    ScriptWorker(String name) {
        this.name = name;
    }

    /**
     * Runs {@code task} on the worker and returns what it returned.
     *
     * @throws Rejection             what the task threw
     * @throws Stuck                 the task is still running after {@link #DEADLINE_MILLIS}; its
     *                               thread is abandoned
     * @throws CancellationException this was closed while waiting (the engine is stopping)
     */
    <T> T call(Task<T> task) throws Rejection, Stuck {
        if (closed) {
            throw new CancellationException("closed");
        }
        FutureTask<T> future = new FutureTask<>(() -> task.run());
        Worker w = worker;
        if (w == null) {
            w = new Worker(name + "-" + THREADS.incrementAndGet());
            worker = w;
        }
        waitingFor = future;
        try {
            if (closed) {
                // close() may have looked for the worker before this one was made: end it here.
                w.tasks.add(Worker.END);
                throw new CancellationException("closed");
            }
            w.tasks.add(future);
            // The wait itself is not debugger-aware: ask the clock again whenever it times out.
            // Each step of the task has a deadline of its own, counted from the step's start.
            Stopwatch submitted = Stopwatch.start(w.thread);
            long limit = TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS);
            while (true) {
                Stopwatch clock = w.stepClock(future, submitted);
                try {
                    return future.get(clock.remainingNanos(limit), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (w.stepClock(future, submitted) == clock && clock.remainingNanos(limit) == 0) {
                        break;
                    }
                }
            }
            // Given up: the thread keeps whatever it holds (all of it the attempt's own), and it
            // ends by itself if the task ever returns.
            w.abandoned = true;
            worker = null;
            throw new Stuck(w.name, w.thread.getName(), w.thread.getStackTrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Rejection r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            waitingFor = null;
        }
    }

    /**
     * The task running on this worker thread begins its next step: its deadline counts from now.
     * Called from a task; does nothing on any other thread.
     *
     * @throws CancellationException if the caller gave the task up during an earlier step: an
     *                               abandoned thread runs no further script code of its own accord
     */
    static void nextStep() {
        Worker w = CURRENT.get();
        if (w != null) {
            if (w.abandoned) {
                throw new CancellationException("given up during an earlier step");
            }
            w.step = new Step(w.step == null ? null : w.step.task(), Stopwatch.start(w.thread));
        }
    }

    /** Stops waiting (the caller gets a CancellationException) and lets an idle worker end. Any thread. */
    @Override
    public void close() {
        closed = true;
        FutureTask<?> f = waitingFor;
        if (f != null) {
            f.cancel(false);
        }
        Worker w = worker;
        if (w != null) {
            w.tasks.add(Worker.END);
        }
    }

    /** A task's current step and the clock of its deadline. */
    private record Step(FutureTask<?> task, Stopwatch clock) { }

    /** One daemon thread taking tasks until it is told to end or is abandoned. */
    private static final class Worker implements Runnable {

        static final FutureTask<?> END = new FutureTask<>(() -> null);

        final BlockingQueue<FutureTask<?>> tasks = new LinkedBlockingQueue<>();
        final String name;
        final Thread thread;
        volatile boolean abandoned;
        /**
         * The step the running task is in. Its stopwatch is made on this thread and then only read,
         * by the caller, through this volatile field: never restarted, so safe to share.
         */
        volatile Step step;

        /** The clock of {@code task}'s current step, or {@code submitted} until it has begun. */
        Stopwatch stepClock(FutureTask<?> task, Stopwatch submitted) {
            Step now = step;
            return now != null && now.task() == task ? now.clock() : submitted;
        }

        Worker(String name) {
            this.name = name;
            thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            CURRENT.set(this);
            try {
                while (!abandoned) {
                    if (!runNext()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // Nobody interrupts a worker; if something does, the next task gets a fresh one.
            }
        }

        /**
         * Runs one task; false when told to end. A method of its own so that no local of the loop
         * keeps the finished task (and through it a whole generation) reachable while the worker
         * waits for the next.
         */
        private boolean runNext() throws InterruptedException {
            FutureTask<?> task = tasks.take();
            if (task == END) {
                return false;
            }
            step = new Step(task, Stopwatch.start(thread));
            task.run();
            step = null;
            return true;
        }
    }
}
