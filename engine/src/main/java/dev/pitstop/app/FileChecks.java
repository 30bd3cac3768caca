package dev.pitstop.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** File checks for the command line, made before anything is written. Main thread. */
final class FileChecks {

    private FileChecks() {
    }

    /** Whether {@code file} could be written (created or appended) without creating it now. */
    static void checkWritable(Path file, String option) throws UsageError {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new UsageError(option + " " + file + " is a folder, not a file");
        }
        if (Files.exists(abs)) {
            if (!Files.isWritable(abs)) {
                throw new UsageError(option + " " + file + " cannot be written (permission denied)");
            }
            return;
        }
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageError(option + " " + file + " cannot be written: folder " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new UsageError(option + " " + file + " cannot be written: folder " + parent + " is not writable");
        }
    }
}
