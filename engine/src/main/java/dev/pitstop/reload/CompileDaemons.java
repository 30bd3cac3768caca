package dev.pitstop.reload;

import dev.pitstop.compile.CompileServer;
import dev.pitstop.compile.ScriptCompiler;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Finds, starts and connects to the compile daemon that serves one compile server command line:
 * javac kept warm from one game to the next (a restart does not make the first save cold again).
 * Daemons live in a folder only their user can open ({@link #defaultFolder}), one socket per
 * command line, Java and compile-server build, so a rebuilt engine or another Java never talks to
 * an old daemon. When no daemon can serve (another engine is using it, the folder is not private,
 * no Unix domain sockets), {@link #connect} says so and the engine starts a compile server of its
 * own, as without a daemon.
 *
 * <p>Called by {@link CompilerProcess} under its lock: the main thread at start, then the thread
 * that replaces a failed server.
 */
final class CompileDaemons {

    /** How long a daemon waits for an engine before it ends, unless {@link #IDLE_ENV} says. */
    static final int IDLE_MINUTES = 30;
    /** Minutes a daemon started now waits for an engine (the tests' own daemons wait 2). */
    static final String IDLE_ENV = "PITSTOP_COMPILE_DAEMON_IDLE_MINUTES";
    /** Overrides {@link #defaultFolder} (tests and the benchmark use folders of their own). */
    static final String FOLDER_ENV = "PITSTOP_COMPILE_DAEMON_DIR";
    /** A Unix domain socket's path is limited to 103 bytes on macOS and 107 on Linux. */
    private static final int MAX_SOCKET_PATH_BYTES = 103;
    private static final long POLL_MILLIS = 10;
    private static final long MAX_LOG_BYTES = 1 << 20;
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final Path folder;
    private final Path socket;
    private final Path log;
    private final List<String> command;
    private volatile String status = "not asked yet";

    /**
     * @param jvm        the server's JVM and main class, as for a child
     * @param serverArgs what follows the engine's pid on a child's command line
     */
    CompileDaemons(Path folder, List<String> jvm, List<String> serverArgs) {
        this.folder = folder.toAbsolutePath().normalize();
        String key = key(jvm, serverArgs);
        this.socket = this.folder.resolve("compile-" + key + ".sock");
        this.log = this.folder.resolve("compile-" + key + ".log");
        List<String> cmd = new ArrayList<>(jvm);
        cmd.add(CompileServer.DAEMON_OPTION);
        cmd.add(socket.toString());
        cmd.add(Integer.toString(idleMinutes() * 60));
        cmd.addAll(serverArgs);
        this.command = List.copyOf(cmd);
    }

    /** {@link #IDLE_ENV} if it is a whole number of minutes from 1 to a day, else {@link #IDLE_MINUTES}. */
    static int idleMinutes() {
        try {
            int m = Integer.parseInt(System.getenv().getOrDefault(IDLE_ENV, "").strip());
            return m >= 1 && m <= 24 * 60 ? m : IDLE_MINUTES;
        } catch (NumberFormatException e) {
            return IDLE_MINUTES;
        }
    }

    /**
     * Where daemons live: {@code $PITSTOP_COMPILE_DAEMON_DIR}, else {@code $XDG_RUNTIME_DIR/pitstop}
     * (a folder the system makes for the user alone and empties at logout), else
     * {@code pitstop-USER} in the temporary folder.
     */
    static Path defaultFolder() {
        String set = System.getenv(FOLDER_ENV);
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "pitstop");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "pitstop-" + System.getProperty("user.name"));
    }

    /** How the last {@link #connect} went: started, reused, or why none serves. */
    String status() {
        return status;
    }

    Path socket() {
        return socket;
    }

    Path log() {
        return log;
    }

    /**
     * A link to the daemon, its hello read, started first if none serves; null if none can serve
     * now ({@link #status} says why): the caller starts a server of its own.
     */
    CompileLink connect(Duration deadline) {
        String why = unusable();
        if (why != null) {
            status = "not used: " + why;
            return null;
        }
        long end = System.nanoTime() + deadline.toNanos();
        Process started = null;
        while (true) {
            DaemonLink link;
            try {
                link = DaemonLink.connect(socket, log);
            } catch (IOException | RuntimeException none) {
                if (started == null) {
                    try {
                        started = start();
                    } catch (IOException e) {
                        status = "not used: it could not be started (" + e.getMessage() + ")";
                        return null;
                    }
                } else if (!started.isAlive() && started.exitValue() != 0) {
                    status = "not used: it ended as it started, with exit code " + started.exitValue() + " (its log: " + log + ")";
                    return null;
                }
                if (System.nanoTime() > end) {
                    started.destroyForcibly(); // the server the engine starts instead needs the machine more
                    status = "not used: it did not start within " + CompileLink.seconds(deadline) + " s (its log: " + log + ")";
                    return null;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    status = "not used: interrupted while it started";
                    return null;
                }
                continue;
            }
            // Not on the engine's deadline timer: a replacement may be connecting from that very thread.
            long left = Math.max(1, end - System.nanoTime());
            AtomicBoolean late = new AtomicBoolean();
            CompletableFuture<Void> expiry = CompletableFuture.runAsync(() -> {
                late.set(true);
                link.close();
            }, CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS));
            try {
                link.awaitReady();
                expiry.cancel(false);
                status = (started != null ? "started" : "reused") + " (process " + link.pid() + ")";
                return link;
            } catch (IOException e) {
                expiry.cancel(false);
                link.close();
                status = late.get() ? "not used: it did not say hello within " + CompileLink.seconds(deadline) + " s"
                        : "not used: another engine is using it";
                return null;
            }
        }
    }

    private Process start() throws IOException {
        if (Files.exists(log) && Files.size(log) > MAX_LOG_BYTES) {
            Files.delete(log); // one daemon after another appends to it
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        pb.directory(folder.toFile()); // it holds no user's working folder for half an hour
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    /** Why daemons cannot live in the folder, or null: it is made if missing, and must be this user's alone. */
    private String unusable() {
        if (File.separatorChar != '/') {
            return "compile daemons need Unix domain sockets in a private folder (not on this system yet)";
        }
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH_BYTES) {
            return "the path of its socket is too long for the system (" + socket + ")";
        }
        try {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(folder.getParent());
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PRIVATE));
            }
            String parent = unsafeParent(folder.getParent());
            if (parent != null) {
                return parent;
            }
            PosixFileAttributes a = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isDirectory()) {
                return folder + " is not a folder";
            }
            if (!ours(folder, a) || !PRIVATE.containsAll(a.permissions())) {
                return folder + " is not private to " + System.getProperty("user.name")
                        + " (it must be theirs, mode 700: nobody else may talk to a compiler that runs as them)";
            }
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return "its folder " + folder + " cannot be used (" + e.getMessage() + ")";
        }
    }

    /**
     * Whether this process's user owns {@code folder}: a file it makes there has the folder's owner
     * (compared as the system compares users, not by a name a container may not have).
     */
    private static boolean ours(Path folder, PosixFileAttributes a) {
        Path probe = null;
        try {
            probe = Files.createTempFile(folder, ".owner-", "");
            return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS).equals(a.owner());
        } catch (IOException | UnsupportedOperationException e) {
            return false; // cannot even write there: not ours to use
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    // A leftover empty file in our own folder.
                }
            }
        }
    }

    /**
     * Why the folder that holds the daemons' folder would let another user swap it for theirs
     * after it is checked, or null: writable by others without the sticky bit (a shared folder
     * with it, as {@code /tmp}, lets nobody move another's folder).
     */
    private static String unsafeParent(Path parent) throws IOException {
        if (parent == null) {
            return null;
        }
        Object mode;
        try {
            mode = Files.getAttribute(parent, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null; // no such view here: the folder's own check stands alone
        }
        int m = (Integer) mode;
        boolean othersWrite = (m & 0022) != 0;
        boolean sticky = (m & 01000) != 0;
        return othersWrite && !sticky ? parent + " is writable by others (without the sticky bit), so the daemon's "
                + "folder in it could be swapped for someone else's" : null;
    }

    /**
     * The daemon's name: its command line, this Java, and what it compiles with: the compile
     * server's own classes and every entry of the scripts' class path (the API and JOML), by
     * content for a folder (a rebuilt engine's classes are in the same folder) and by size and
     * time for a jar. A daemon never compiles against an API other than the engine's.
     */
    private static String key(List<String> jvm, List<String> serverArgs) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String s : jvm) {
                d.update((s + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (String s : serverArgs) {
                d.update((s + "\n").getBytes(StandardCharsets.UTF_8));
            }
            d.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
            Set<Path> entries = new LinkedHashSet<>();
            entries.add(ScriptCompiler.locationOf(CompileServer.class));
            for (String arg : serverArgs) {
                if (!arg.startsWith(ScriptCompiler.VISIBLE_OPTION)) {
                    entries.add(Path.of(arg));
                }
            }
            entries.forEach(e -> contentOf(e, d));
            return HexFormat.of().formatHex(d.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** A class folder by the content of its files, a jar by its size and time (a jar is rebuilt whole). */
    private static void contentOf(Path entry, MessageDigest d) {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        d.update(entry.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        d.update(Files.readAllBytes(f));
                    }
                }
            } else if (Files.exists(entry)) {
                d.update((entry + " " + Files.size(entry) + " " + Files.getLastModifiedTime(entry))
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            d.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8)); // unreadable: no reuse
        }
    }
}
