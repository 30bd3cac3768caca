package dev.pitstop.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What stat polling compares to notice a save: a file's size and modification time, to the
 * nanosecond where the file system keeps it. Any thread.
 */
public final class FileStamp {

    private FileStamp() {
    }

    /** The stamp of {@code file}. */
    public static String of(Path file) throws IOException {
        return of(Files.readAttributes(file, BasicFileAttributes.class));
    }

    /** The stamp of a file whose attributes were read already (while walking a tree). */
    public static String of(BasicFileAttributes a) {
        return a.size() + ":" + a.lastModifiedTime().toInstant();
    }
}
