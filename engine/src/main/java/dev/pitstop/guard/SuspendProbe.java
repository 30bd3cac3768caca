package dev.pitstop.guard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * Whether a debugger holds a thread: the watchdog asks about a thread whose run of script code it
 * saw at its last look too, so only while a run lasts longer than a period (never, in a game that
 * keeps its updates short). Tests give a fake. Watchdog thread only.
 */
interface SuspendProbe {

    boolean suspended(Thread thread);

    /**
     * The JVM's answer: a thread a debugger suspended (JDWP suspends through JVMTI, at a breakpoint,
     * a step or a pause) is {@link ThreadInfo#isSuspended()}, though its state still reads
     * RUNNABLE. One call costs about a microsecond and stops no other thread (no stack is taken).
     * Where the platform cannot tell, no thread is ever held.
     */
    static SuspendProbe jvm() {
        return new SuspendProbe() {
            private ThreadMXBean threads; // made at the first question: java.management costs nothing until then
            private boolean broken;

            @Override
            public boolean suspended(Thread thread) {
                if (broken) {
                    return false;
                }
                try {
                    if (threads == null) {
                        threads = ManagementFactory.getThreadMXBean();
                    }
                    ThreadInfo info = threads.getThreadInfo(thread.getId());
                    return info != null && info.isSuspended();
                } catch (RuntimeException | LinkageError e) {
                    broken = true; // the backstop goes on without it rather than dying with it
                    return false;
                }
            }
        };
    }
}
