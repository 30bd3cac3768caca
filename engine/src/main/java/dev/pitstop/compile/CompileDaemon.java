package dev.pitstop.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The compile server as a daemon that outlives the game, as Gradle's daemon outlives a build: it
 * listens on a Unix domain socket in a folder only its user can open, serves one engine at a time
 * with the same {@link CompileServer} (so javac stays warm from one game to the next), and turns
 * away a second engine that connects meanwhile by closing the connection before its hello (that
 * engine starts a private server). It ends after {@code IDLE_SECONDS} without an engine, when its
 * socket file is deleted or replaced, at its first {@link OutOfMemoryError} (run as the engine
 * runs it) or when killed; Ctrl+C in the terminal that started the game and the terminal's hangup
 * do not end it.
 *
 * <p>{@code java -cp ENGINE dev.pitstop.compile.CompileServer --daemon SOCKET IDLE_SECONDS
 * [--visible=PACKAGE]... SCRIPT_CLASS_PATH...}. Next to {@code SOCKET} it keeps {@code SOCKET.lock}
 * (locked while it lives, so that one daemon at a time serves a socket; it holds its process id).
 *
 * <p>Threads: the main thread accepts; one session thread serves the engine connected; a watchdog
 * thread ends the process when it is idle or its socket is gone.
 */
public final class CompileDaemon {

    /** How often the watchdog looks at the socket file and the idle time. */
    private static final long WATCH_MILLIS = 1000;
    /** Tries, 10 ms apart, to take the daemon while an engine's session ends. */
    private static final int CLAIM_TRIES = 50;
    /**
     * Tries, 10 ms apart, when the engine of the session in progress has gone: the session ends
     * once the compile it is in (a warm-up's full build, say: a second or two in a cold daemon)
     * returns, which takes at most the engine's compile deadline.
     */
    private static final int CLAIM_TRIES_AFTER_LEAVING = 500;

    private final Path socket;
    private final long idleMillis;
    private final CompileServer server;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** The session in progress (a token of its own), and the last session whose engine has gone. */
    private volatile Object session;
    private volatile Object left;
    private volatile long idleSince = System.currentTimeMillis();

    private CompileDaemon(Path socket, long idleMillis, CompileServer server) {
        this.socket = socket;
        this.idleMillis = idleMillis;
        this.server = server;
    }

    /** The file next to {@code socket} that a living daemon keeps locked and holds its process id. */
    public static Path lockOf(Path socket) {
        return socket.resolveSibling(socket.getFileName() + ".lock");
    }

    /** {@code args}: SOCKET IDLE_SECONDS, then what {@link CompileServer#main} takes after the engine's pid. */
    static void main(List<String> args, List<Path> classPath, List<String> hostPackages) {
        Path socket = Path.of(args.get(0));
        long idleSeconds = Long.parseLong(args.get(1));
        ignoreTerminalSignals();
        try (FileChannel lockFile = FileChannel.open(lockOf(socket), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                System.err.println("compile daemon: another one serves " + socket + "; this one ends");
                System.exit(0);
            }
            lockFile.truncate(0);
            lockFile.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            lockFile.force(false);
            CompileServer server = new CompileServer(new ScriptCompiler(classPath, hostPackages));
            new CompileDaemon(socket, idleSeconds * 1000, server).run();
        } catch (IOException | RuntimeException e) {
            System.err.println("compile daemon: " + e);
            System.exit(2);
        }
    }

    private void run() throws IOException {
        Files.deleteIfExists(socket); // a daemon that was killed leaves its socket file behind
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(socket));
            Object ours = Files.readAttributes(socket, BasicFileAttributes.class).fileKey();
            startWatchdog(ours);
            System.err.println("compile daemon: pid " + ProcessHandle.current().pid() + " serving " + socket);
            while (true) {
                SocketChannel engine = listener.accept();
                if (!claim()) {
                    engine.close(); // before the hello: that engine starts a server of its own
                    continue;
                }
                Thread session = new Thread(() -> serve(engine), "pitstop-compile-session");
                session.start();
            }
        }
    }

    /**
     * Takes the daemon for a new engine; an engine that quits and starts again at once finds its
     * last session still ending, so this waits a moment for that before it says busy.
     */
    private boolean claim() {
        for (int i = 0; i < (left != null && left == session ? CLAIM_TRIES_AFTER_LEAVING : CLAIM_TRIES); i++) {
            if (busy.compareAndSet(false, true)) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void serve(SocketChannel engine) {
        Object me = new Object();
        session = me;
        try (engine) {
            // An engine that leaves in the middle of a compile (it ended, or gave up on a compile
            // that runs away) leaves this JVM in an unknown state: it ends, as a child would.
            server.serve(new PumpedInput(engine, () -> {
                left = me;
                if (server.compiling()) {
                    System.err.println("compile daemon: the engine left during a compile; ending");
                    Runtime.getRuntime().halt(0);
                }
            }), new ChannelOutput(engine));
        } catch (IOException e) {
            // The engine went away; the next one gets a fresh connection.
        } finally {
            idleSince = System.currentTimeMillis();
            busy.set(false);
        }
    }

    private void startWatchdog(Object ours) {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                if (!stillOurs(ours)) {
                    System.err.println("compile daemon: its socket file is gone; ending");
                    Runtime.getRuntime().halt(0);
                }
                // Taken, not just looked at: an engine claiming it meanwhile is served, not dropped.
                if (System.currentTimeMillis() - idleSince > idleMillis && busy.compareAndSet(false, true)) {
                    System.err.println("compile daemon: idle for " + idleMillis / 1000 + " s; ending");
                    try {
                        if (stillOurs(ours)) {
                            Files.deleteIfExists(socket);
                        }
                    } catch (IOException e) {
                        // Ending anyway; the next daemon deletes it.
                    }
                    Runtime.getRuntime().halt(0);
                }
            }
        }, "pitstop-compile-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private boolean stillOurs(Object ours) {
        try {
            return Objects.equals(ours, Files.readAttributes(socket, BasicFileAttributes.class).fileKey());
        } catch (IOException gone) {
            return false;
        }
    }

    /**
     * Ctrl+C in the game's terminal goes to the daemon too (it is in the game's process group),
     * and closing the terminal hangs up on it: neither is meant for it. A JVM that does not let it
     * take these signals (-Xrs) just keeps its defaults.
     */
    @SuppressWarnings("removal")
    private static void ignoreTerminalSignals() {
        for (String name : new String[] {"INT", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Kept as the JVM has it.
            }
        }
    }

    /**
     * Writes straight to the channel: a stream from {@code Channels} would wait for a reader
     * blocked on the same channel. Both ends use it.
     */
    public static final class ChannelOutput extends OutputStream {
        private final SocketChannel channel;

        public ChannelOutput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** Reads straight from the channel; both ends use it (the engine never asks {@code available}). */
    public static final class ChannelInput extends InputStream {
        private final SocketChannel channel;

        public ChannelInput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            return channel.read(ByteBuffer.wrap(b, off, len));
        }
    }

    /**
     * The engine's requests, read ahead by a thread of their own so that {@link #available} tells
     * whether one is waiting: the server's warm-up stops for a real request.
     */
    static final class PumpedInput extends InputStream {
        private static final byte[] END = new byte[0];
        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>(256);
        private final AtomicInteger queued = new AtomicInteger();
        private byte[] current = new byte[0];
        private int at;
        private boolean ended;
        /** The engine's side has ended: a warm-up asking whether a request waits should stop. */
        private volatile boolean endQueued;

        /** @param onEnd run when the engine's side ends, on the reading thread */
        PumpedInput(SocketChannel channel, Runnable onEnd) {
            Thread pump = new Thread(() -> {
                ChannelInput in = new ChannelInput(channel);
                try {
                    while (true) {
                        byte[] chunk = new byte[1 << 14];
                        int n = in.read(chunk, 0, chunk.length);
                        if (n < 0) {
                            break;
                        }
                        queued.addAndGet(n);
                        chunks.put(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                    }
                } catch (IOException | InterruptedException e) {
                    // The engine went away or the session ended: the reader sees the end.
                } finally {
                    endQueued = true;
                    onEnd.run();
                    try {
                        chunks.put(END);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "pitstop-compile-requests");
            pump.setDaemon(true);
            pump.start();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (at == current.length) {
                if (ended) {
                    return -1;
                }
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading a request");
                }
                at = 0;
                ended = current == END;
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            queued.addAndGet(-n);
            return n;
        }

        /** What is buffered; at least 1 once the engine has gone, so that a warm-up stops for its end too. */
        @Override
        public int available() {
            return Math.max(endQueued ? 1 : 0, queued.get());
        }
    }
}
