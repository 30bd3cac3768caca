package dev.pitstop.world;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;

/**
 * The container of Pitstop's binary files (snapshots, recordings): an 8-byte magic, a format
 * version, the payload's length, the payload and a CRC-32C of the payload. Reading checks all of it
 * before a single byte of payload is used, so a truncated, corrupted or foreign file is refused
 * whole, never half-loaded. Writing goes to a temporary file first and is renamed into place, so a
 * crash mid-write leaves the old file. Any thread.
 */
public final class SealedFile {

    private static final int HEADER_BYTES = 8 + 4 + 8;
    private static final int TRAILER_BYTES = 8;

    private SealedFile() {
    }

    public static void write(Path file, String magic, int version, byte[] payload) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + payload.length + TRAILER_BYTES);
        out.put(magicBytes(magic)).putInt(version).putLong(payload.length).put(payload).putLong(crc(payload));
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, out.array());
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads and checks a file.
     *
     * @param what what the file is, for messages ("snapshot", "recording")
     * @return the payload, whole and intact
     */
    public static byte[] read(Path file, String magic, int version, String what) throws BadFileException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadFileException(what + " " + file + " does not exist");
        } catch (IOException e) {
            throw new BadFileException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
        byte[] expected = magicBytes(magic);
        if (all.length < expected.length || !prefixEquals(all, expected)) {
            throw new BadFileException(file + " is not a Pitstop " + what + " (wrong magic bytes)");
        }
        if (all.length < HEADER_BYTES) {
            throw new BadFileException(what + " " + file + " is truncated (" + all.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(all);
        in.position(expected.length);
        int fileVersion = in.getInt();
        if (fileVersion != version) {
            throw new BadFileException(what + " " + file + " has format version " + fileVersion
                    + "; this Pitstop reads version " + version);
        }
        long length = in.getLong();
        if (length < 0 || length > all.length - HEADER_BYTES - TRAILER_BYTES) {
            throw new BadFileException(what + " " + file + " is truncated (" + all.length + " bytes, header promises "
                    + (length + HEADER_BYTES + TRAILER_BYTES) + ")");
        }
        if (length != all.length - HEADER_BYTES - TRAILER_BYTES) {
            throw new BadFileException(what + " " + file + " is corrupted (trailing bytes after the payload)");
        }
        byte[] payload = new byte[(int) length];
        in.get(payload);
        if (in.getLong() != crc(payload)) {
            throw new BadFileException(what + " " + file + " is corrupted (checksum mismatch)");
        }
        return payload;
    }

    /** A reader over a checked payload; reading past its end is a format error, not a crash. */
    public static DataInputStream payloadReader(byte[] payload) {
        return new DataInputStream(new ByteArrayInputStream(payload));
    }

    private static boolean prefixEquals(byte[] all, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (all[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] magicBytes(String magic) {
        byte[] b = magic.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 8) {
            throw new IllegalArgumentException("magic must be 8 ASCII characters: " + magic);
        }
        return b;
    }

    private static long crc(byte[] payload) {
        CRC32C c = new CRC32C();
        c.update(payload);
        return c.getValue();
    }
}
