package dev.pitstop.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A folder of script files, {@code .java} sources or {@code .class} files, read recursively
 * (symbolic links followed). Editors' temporary and backup files ({@code .#X.java},
 * {@code X.java~}, hidden files) are not scripts. Reload thread (and the game thread at start).
 *
 * <p>A read takes the content of a file from the read before when nothing about the file changed
 * (size, modification and status-change times, identity) and it had last changed well before that read (by
 * {@link #SETTLED_MILLIS}), as git does for its index: a file written since then, even with the same
 * size within the file system's time resolution, has a newer time or was too recent to be trusted,
 * and is read again. An edit re-reads the file saved, not all twenty.
 */
public final class ScriptFolder {

    public enum Kind {
        SOURCES(".java"), CLASSES(".class");

        final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    /**
     * How long before a read a file must have been last modified for its content to be taken from
     * that read next time: more than the coarsest file-system time resolution (FAT's two seconds).
     */
    static final long SETTLED_MILLIS = 2_500;

    private final Path root;
    private final Kind kind;
    /** What the last read found, by relative path; replaced whole by each read. */
    private volatile Map<String, Seen> lastRead = Map.of();

    /**
     * One file as a read found it: its attributes then (its status-change time too, which no tool
     * can set back as {@code cp -p} or {@code tar} set the modification time; null where the file
     * system has none), and the content read (wall clock: when the read began).
     */
    private record Seen(long size, FileTime modified, FileTime changed, Object key, long readAtMillis,
            byte[] content) {

        /** Whether the file is as this read found it, and was settled already then. */
        boolean stillIs(BasicFileAttributes attrs, FileTime changedNow) {
            return changed != null && changed.equals(changedNow) && size == attrs.size()
                    && modified.equals(attrs.lastModifiedTime()) && Objects.equals(key, attrs.fileKey())
                    && Math.max(modified.toMillis(), changed.toMillis()) < readAtMillis - SETTLED_MILLIS;
        }
    }

    /** The file's status-change time ({@code unix:ctime}), or null where there is none. */
    private static FileTime statusChanged(Path file) {
        try {
            return Files.getAttribute(file, "unix:ctime") instanceof FileTime t ? t : null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    public ScriptFolder(Path root, Kind kind) {
        this.root = root.toAbsolutePath().normalize();
        this.kind = kind;
    }

    public Path root() {
        return root;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether {@code file} (anywhere) would count as a script file of this folder's kind. */
    public boolean isScriptFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString();
        return n.endsWith(kind.suffix) && n.length() > kind.suffix.length() && !n.startsWith(".");
    }

    /** Reads every script file now. A file that vanishes while being read is left out. */
    public SourceSet read() {
        Map<String, byte[]> files = new HashMap<>();
        Map<String, Seen> before = lastRead;
        Map<String, Seen> seen = new HashMap<>();
        long readAt = System.currentTimeMillis();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            Path n = dir.getFileName();
                            return !dir.equals(root) && n != null && n.toString().startsWith(".")
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                            if (attrs.isRegularFile() && isScriptFile(file)) {
                                String path = relative(file);
                                Seen was = before.get(path);
                                FileTime changed = statusChanged(file);
                                if (was == null || !was.stillIs(attrs, changed)) {
                                    try {
                                        // The attributes are from before the read: a write in between
                                        // leaves them older than the file, and the next read reads it.
                                        was = new Seen(attrs.size(), attrs.lastModifiedTime(), changed, attrs.fileKey(),
                                                readAt, Files.readAllBytes(file));
                                    } catch (NoSuchFileException gone) {
                                        return FileVisitResult.CONTINUE; // renamed or deleted: the watcher tells
                                    }
                                }
                                seen.put(path, was);
                                files.put(path, was.content());
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (NoSuchFileException e) {
            lastRead = Map.of();
            return new SourceSet(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scripts in " + root + ": " + e.getMessage(), e);
        }
        lastRead = Map.copyOf(seen);
        return new SourceSet(files);
    }

    /** {@code file} relative to the root, with '/' separators. */
    public String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(root) ? root.relativize(abs) : abs.getFileName();
        return rel.toString().replace('\\', '/');
    }
}
