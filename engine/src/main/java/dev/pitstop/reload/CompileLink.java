package dev.pitstop.reload;

import dev.pitstop.compile.Compilation;
import dev.pitstop.compile.CompileProtocol;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One compile server as the engine sees it: the streams to it and what it has said. A
 * {@link CompilerChild} is a process of the engine's own, a {@link DaemonLink} a connection to a
 * daemon that outlives the game. {@link CompilerProcess} hands it one request at a time from the
 * compiling thread (the reload thread, or the main thread for generation 1); a warm-up thread may
 * write one frame early in its life; the deadline timer may {@link #expire} it at any moment. Once
 * it fails it is replaced, never reused.
 */
abstract class CompileLink {

    private final DataOutputStream requests;
    /** The answers; a subclass may read what came before the hello when it explains an end. */
    final DataInputStream answers;
    /** Writes come from the compiling thread and from a warm-up thread. */
    private final Object writing = new Object();
    private volatile boolean expired;
    private volatile boolean answered;
    private final AtomicBoolean warmUpAsked = new AtomicBoolean();
    /** Whether its hello has been read; compiling thread only. */
    private boolean ready;

    CompileLink(OutputStream requests, InputStream answers) {
        this.requests = new DataOutputStream(new BufferedOutputStream(requests, 1 << 16));
        this.answers = new DataInputStream(new BufferedInputStream(answers, 1 << 16));
    }

    /** Waits for the server's hello, once. Compiling thread. */
    void awaitReady() throws IOException {
        if (!ready) {
            CompileProtocol.readHello(answers);
            ready = true;
        }
    }

    boolean ready() {
        return ready;
    }

    boolean expired() {
        return expired;
    }

    /** Asks for a compile and waits for the answer, for as long as the deadline timer lets it live. */
    Compilation compile(Map<String, byte[]> sources, Map<String, byte[]> classes) throws IOException {
        synchronized (writing) {
            CompileProtocol.writeCompile(requests, sources, classes);
        }
        awaitReady();
        Compilation c = CompileProtocol.readResult(answers);
        answered = true;
        return c;
    }

    /**
     * Asks the server to warm itself on {@code sources}, from a thread of its own: a frame larger
     * than the pipe's buffer waits until a freshly started JVM reads it, and nobody should wait
     * for that. A compile asked meanwhile queues behind it (within its deadline).
     */
    void warmUpLater(Map<String, byte[]> sources, int times) {
        Thread t = new Thread(() -> {
            try {
                synchronized (writing) {
                    CompileProtocol.writeWarmUp(requests, sources, times);
                }
            } catch (IOException gone) {
                // It died or was killed meanwhile; the next compile finds out and says why.
            }
        }, "pitstop-compiler-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** True the first time it is asked, false after: a server warms itself once a link. Any thread. */
    boolean firstWarmUp() {
        return warmUpAsked.compareAndSet(false, true);
    }

    /** The deadline passed: kill it, and say so when the compiling thread asks why it ended. Timer thread. */
    void expire() {
        expired = true;
        kill();
    }

    /** Whether it ever answered a compile: a server that did was healthy, and worth replacing at once if it dies. */
    boolean answered() {
        return answered;
    }

    abstract boolean alive();

    abstract CompletableFuture<?> onExit();

    /** Ends the server's process (a deadline passed, or it answered nonsense). */
    abstract void kill();

    /** The engine is done with it: a child is killed, a daemon is let go of and lives on. */
    abstract void close();

    /**
     * Why the exchange that threw {@code failure} got no answer, in words for a diagnostic: no
     * answer within {@code deadline}, out of heap, the exit code, or an unreadable answer. Kills
     * the process if it still runs. Compiling thread.
     */
    abstract String whyGone(IOException failure, Duration deadline, int heapMib);

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }
}
