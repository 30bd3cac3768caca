package dev.pitstop.world;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --snapshot} / {@code --restore} files: a {@link WorldCodec} payload in a
 * {@link SealedFile}. Called on the game thread (writing at stop, reading before start).
 */
public final class Snapshot {

    static final String MAGIC = "PITSNAP\n";
    /** Bump when {@link WorldCodec}'s layout changes; older files are then refused, not misread. */
    public static final int VERSION = 1;

    private Snapshot() {
    }

    public static void write(Path file, WorldState world) throws IOException {
        SealedFile.write(file, MAGIC, VERSION, WorldCodec.encode(world));
    }

    public static WorldState read(Path file) throws BadFileException {
        byte[] payload = SealedFile.read(file, MAGIC, VERSION, "snapshot");
        try (DataInputStream in = SealedFile.payloadReader(payload)) {
            WorldState w = WorldCodec.read(in);
            if (in.available() != 0) {
                throw new IOException("unexpected bytes after the world");
            }
            return w;
        } catch (IOException e) {
            throw new BadFileException("snapshot " + file + " is corrupted ("
                    + (e instanceof java.io.EOFException ? "it ends too early" : e.getMessage()) + ")");
        }
    }
}
