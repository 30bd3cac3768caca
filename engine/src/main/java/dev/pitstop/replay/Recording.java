package dev.pitstop.replay;

import dev.pitstop.sim.PlayerInput;
import dev.pitstop.world.BadFileException;
import dev.pitstop.world.SealedFile;
import dev.pitstop.world.WorldCodec;
import dev.pitstop.world.WorldState;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code --record} file: the world at the start, every tick's input from then on, and the hash
 * of every script file that was live, so that a replay with other scripts can say so. Versioned,
 * in a {@link SealedFile}: a truncated, corrupted or foreign file is refused whole. Written on the
 * game thread at stop, read on the main thread at start.
 *
 * @param scriptHashes script file (relative to the script folder) → SHA-256 of its content
 */
public record Recording(WorldState start, InputTape inputs, Map<String, String> scriptHashes) {

    static final String MAGIC = "PITSREC\n";
    public static final int VERSION = 1;

    public void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(scriptHashes.size());
            for (Map.Entry<String, String> e : new TreeMap<>(scriptHashes).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            WorldCodec.write(start, out);
            out.writeLong(inputs.firstTick());
            out.writeInt(inputs.length());
            for (long t = inputs.firstTick(); t < inputs.endTick(); t++) {
                PlayerInput in = inputs.at(t);
                out.writeFloat(in.moveX());
                out.writeFloat(in.moveY());
                out.writeFloat(in.aimX());
                out.writeFloat(in.aimY());
                out.writeBoolean(in.fire());
            }
        }
        SealedFile.write(file, MAGIC, VERSION, bytes.toByteArray());
    }

    public static Recording read(Path file) throws BadFileException {
        byte[] payload = SealedFile.read(file, MAGIC, VERSION, "recording");
        try (DataInputStream in = SealedFile.payloadReader(payload)) {
            int scripts = in.readInt();
            if (scripts < 0 || scripts > 1_000_000) {
                throw new IOException("bad script count " + scripts);
            }
            Map<String, String> hashes = new LinkedHashMap<>();
            for (int i = 0; i < scripts; i++) {
                hashes.put(in.readUTF(), in.readUTF());
            }
            WorldState start = WorldCodec.read(in);
            long first = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > payload.length) {
                throw new IOException("bad input count " + n);
            }
            PlayerInput[] inputs = new PlayerInput[n];
            for (int i = 0; i < n; i++) {
                inputs[i] = new PlayerInput(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(),
                        in.readBoolean());
            }
            if (in.available() != 0) {
                throw new IOException("unexpected bytes after the input");
            }
            return new Recording(start, new InputTape(first, inputs), hashes);
        } catch (EOFException e) {
            throw new BadFileException("recording " + file + " is corrupted (it ends too early)");
        } catch (IOException e) {
            throw new BadFileException("recording " + file + " is corrupted (" + e.getMessage() + ")");
        }
    }
}
