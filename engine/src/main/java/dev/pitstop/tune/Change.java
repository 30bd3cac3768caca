package dev.pitstop.tune;

import java.util.Objects;

/**
 * One write the tuner made, as undo and redo need it: in {@code file}, the bytes from
 * {@code start} read {@code before} and now read {@code after}; the whole file hashed to
 * {@code hashBefore} and now hashes to {@code hashAfter}. Undoing puts {@code before} back, and
 * only if the file still hashes to {@code hashAfter}, so it gives back the old file byte for byte
 * and never overwrites anyone's edit. Immutable; any thread.
 *
 * @param qualifiedName the tunable written, for the event
 */
record Change(String file, String qualifiedName, int start, String before, String after, String hashBefore,
        String hashAfter) {

    Change {
        Objects.requireNonNull(file);
        Objects.requireNonNull(qualifiedName);
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
        Objects.requireNonNull(hashBefore);
        Objects.requireNonNull(hashAfter);
        if (start < 0) {
            throw new IllegalArgumentException("negative offset " + start);
        }
    }

    /** The same edit the other way round. */
    Change reversed() {
        return new Change(file, qualifiedName, start, after, before, hashAfter, hashBefore);
    }
}
