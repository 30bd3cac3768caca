package dev.pitstop.tune;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file's content the way editors save: the new bytes go to a hidden temporary file in
 * the same folder, which is then moved over the file in one step, so a watcher or a reader never
 * sees half of it, only the old content or the new. The file keeps its permissions; a symbolic
 * link stays a link (its target is written). The temporary name starts with a dot and does not end
 * in {@code .java}, so the script folder never takes it for a script. Tune thread only.
 */
final class EditorWrite {

    private EditorWrite() {
    }

    /** Something that must still hold just before the move, or the write is called off. */
    interface Check {
        /** @return null to go on, or why not */
        String stillFine() throws IOException;
    }

    /**
     * Writes {@code content} to {@code file}, unless {@code check} objects just before the move.
     *
     * @return null when written, or {@code check}'s objection (nothing was written)
     */
    static String replace(Path file, byte[] content, Check check) throws IOException {
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + ".pitstop-tune-" + ProcessHandle.current().pid());
        try {
            Files.write(temp, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            copyPermissions(target, temp);
            String objection = check.stillFine();
            if (objection != null) {
                return objection;
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (FileSystemException ignored) {
                // a temporary file left behind is hidden and not a script; nothing depends on it
            }
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return; // not POSIX (Windows): the moved file takes the folder's defaults, as an editor's save does
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        Files.setPosixFilePermissions(to, perms);
    }
}
