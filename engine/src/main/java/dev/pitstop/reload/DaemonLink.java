package dev.pitstop.reload;

import dev.pitstop.compile.CompileDaemon;
import dev.pitstop.compile.CompileProtocol;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connection to a compile daemon ({@link CompileDaemon}): the same requests as to a child, over
 * a Unix domain socket. Closing it lets go of the daemon, which lives on for the next game; a
 * deadline that passes, or an unreadable answer, kills it as it would kill a child (see
 * {@link CompileLink} for who calls what).
 */
final class DaemonLink extends CompileLink {

    /** How much of the daemon's log is read to explain its end. */
    private static final int LOG_TAIL_BYTES = 4096;
    private static final long EXIT_PATIENCE_MILLIS = 2000;

    private final SocketChannel channel;
    /** The daemon's process, if its lock file told it. */
    private final ProcessHandle daemon;
    private final Path log;
    /** How long the log was when this link connected: what the daemon says of its end comes after. */
    private final long logFrom;

    private DaemonLink(SocketChannel channel, ProcessHandle daemon, Path log, long logFrom) {
        super(new CompileDaemon.ChannelOutput(channel), new CompileDaemon.ChannelInput(channel));
        this.channel = channel;
        this.daemon = daemon;
        this.log = log;
        this.logFrom = logFrom;
    }

    /** Connects to the daemon listening on {@code socket}; throws if none listens. Its hello is not read yet. */
    static DaemonLink connect(Path socket, Path log) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        long logFrom;
        try {
            logFrom = Files.size(log);
        } catch (IOException none) {
            logFrom = 0;
        }
        return new DaemonLink(ch, daemonOf(socket), log, logFrom);
    }

    private static ProcessHandle daemonOf(Path socket) {
        try {
            String pid = Files.readString(CompileDaemon.lockOf(socket), StandardCharsets.US_ASCII).strip();
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(pid));
            return p.orElse(null);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** The daemon's process id, or -1 if unknown. */
    long pid() {
        return daemon == null ? -1 : daemon.pid();
    }

    @Override
    boolean alive() {
        return channel.isOpen() && (daemon == null || daemon.isAlive());
    }

    @Override
    CompletableFuture<?> onExit() {
        return daemon == null ? new CompletableFuture<>() : daemon.onExit();
    }

    /** Kills the daemon and waits for its end, so that a new one can take its socket at once. */
    @Override
    void kill() {
        close();
        if (daemon != null) {
            daemon.destroyForcibly();
            ended();
        }
    }

    @Override
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closed is closed.
        }
    }

    @Override
    String whyGone(IOException failure, Duration deadline, int heapMib) {
        if (expired()) {
            return "no answer within " + seconds(deadline) + " s";
        }
        if (failure instanceof CompileProtocol.MalformedFrameException || !ended()) {
            kill();
            return failure instanceof CompileProtocol.MalformedFrameException
                    ? "it answered something unreadable (" + failure.getMessage() + ")"
                    : "it stopped answering (" + failure.getMessage() + ")";
        }
        String said = logTail();
        if (said.contains("OutOfMemoryError")) {
            return said.contains("Java heap space") || said.contains("GC overhead")
                    ? "ran out of its " + heapMib + " MiB heap" : "ran out of memory";
        }
        return "the compile daemon" + (daemon == null ? "" : " (process " + daemon.pid() + ")") + " ended; its log is " + log;
    }

    private boolean ended() {
        if (daemon == null) {
            return !channel.isOpen();
        }
        try {
            daemon.onExit().get(EXIT_PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(all.length, Math.max(logFrom, all.length - LOG_TAIL_BYTES));
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
