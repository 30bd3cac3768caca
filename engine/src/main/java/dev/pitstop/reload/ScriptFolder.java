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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A folder of script files, {@code .java} sources or {@code .class} files, read recursively
 * (symbolic links followed). Editors' temporary and backup files ({@code .#X.java},
 * {@code X.java~}, hidden files) are not scripts. Reload thread (and the game thread at start).
 */
public final class ScriptFolder {

    public enum Kind {
        SOURCES(".java"), CLASSES(".class");

        final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    private final Path root;
    private final Kind kind;

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
                                try {
                                    files.put(relative(file), Files.readAllBytes(file));
                                } catch (NoSuchFileException gone) {
                                    // Renamed or deleted under us; the watcher will report it.
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (NoSuchFileException e) {
            return new SourceSet(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scripts in " + root + ": " + e.getMessage(), e);
        }
        return new SourceSet(files);
    }

    /** {@code file} relative to the root, with '/' separators. */
    public String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(root) ? root.relativize(abs) : abs.getFileName();
        return rel.toString().replace('\\', '/');
    }
}
