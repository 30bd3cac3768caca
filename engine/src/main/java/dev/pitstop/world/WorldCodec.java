package dev.pitstop.world;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The world as bytes: every field the checksum covers, and nothing else (the grid and views are
 * rebuilt). Used by snapshots and recordings, inside a {@link SealedFile}. Called on the thread
 * that owns the world.
 */
public final class WorldCodec {

    private static final int MAX_COUNT = 50_000_000;

    private WorldCodec() {
    }

    public static byte[] encode(WorldState w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + w.entities.count * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(w, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void write(WorldState w, DataOutput out) throws IOException {
        out.writeInt(w.hz);
        out.writeFloat(w.width);
        out.writeFloat(w.height);
        out.writeLong(w.tick);
        out.writeInt(w.nextId);
        out.writeLong(w.rng.state());

        out.writeInt(w.slots.size());
        for (int s = 0; s < w.slots.size(); s++) {
            out.writeUTF(w.slots.name(s));
        }

        List<Wave> waves = w.waves.waves();
        out.writeInt(waves.size());
        for (Wave wave : waves) {
            out.writeFloat(wave.afterSeconds());
            out.writeInt(wave.spawns().size());
            for (Wave.Spawn s : wave.spawns()) {
                out.writeUTF(s.behaviour());
                out.writeInt(s.count());
            }
        }
        out.writeInt(w.waves.next);
        out.writeLong(w.waves.ticksSinceWave);

        Player p = w.player;
        for (float f : new float[] {p.x, p.y, p.prevX, p.prevY, p.vx, p.vy, p.aimX, p.aimY, p.health, p.cooldown,
            p.invulnerableSeconds}) {
            out.writeFloat(f);
        }
        out.writeBoolean(p.immortal);
        out.writeInt(p.score);

        Entities e = w.entities;
        out.writeInt(e.count);
        for (int i = 0; i < e.count; i++) {
            out.writeInt(e.id[i]);
            out.writeInt(e.slot[i]);
            out.writeFloat(e.x[i]);
            out.writeFloat(e.y[i]);
            out.writeFloat(e.prevX[i]);
            out.writeFloat(e.prevY[i]);
            out.writeFloat(e.vx[i]);
            out.writeFloat(e.vy[i]);
            out.writeFloat(e.health[i]);
            out.writeFloat(e.cooldown[i]);
            EntityMemory m = e.memory[i];
            out.writeInt(m.size());
            for (int k = 0; k < m.size(); k++) {
                out.writeUTF(m.key(k));
                out.writeByte(m.type(k));
                out.writeInt(m.rawValue(k));
            }
        }

        Projectiles pr = w.projectiles;
        out.writeInt(pr.count);
        for (int i = 0; i < pr.count; i++) {
            out.writeByte(pr.owner[i]);
            out.writeFloat(pr.x[i]);
            out.writeFloat(pr.y[i]);
            out.writeFloat(pr.prevX[i]);
            out.writeFloat(pr.prevY[i]);
            out.writeFloat(pr.vx[i]);
            out.writeFloat(pr.vy[i]);
            out.writeFloat(pr.lifeSeconds[i]);
        }
    }

    /**
     * Reads a world written by {@link #write}.
     *
     * @throws IOException when the bytes do not hold a consistent world (the caller names the file)
     */
    public static WorldState read(DataInput in) throws IOException {
        int hz = in.readInt();
        if (hz <= 0) {
            throw new IOException("bad tick rate " + hz);
        }
        float width = in.readFloat();
        float height = in.readFloat();
        if (!(width > 0 && height > 0)) {
            throw new IOException("bad arena size");
        }
        Entities entities = new Entities(16);
        Projectiles projectiles = new Projectiles(16);
        Player player = new Player();
        Rng rng = new Rng(0);
        WorldState w = new WorldState(hz, rng, width, height, entities, projectiles, player);
        w.tick = in.readLong();
        w.nextId = in.readInt();
        rng.setState(in.readLong());

        int slotCount = count(in.readInt());
        List<String> names = new ArrayList<>();
        for (int s = 0; s < slotCount; s++) {
            names.add(in.readUTF());
        }
        w.slots = SlotTable.of(names);

        int waveCount = count(in.readInt());
        List<Wave> waves = new ArrayList<>();
        for (int i = 0; i < waveCount; i++) {
            float after = in.readFloat();
            int spawnCount = count(in.readInt());
            List<Wave.Spawn> spawns = new ArrayList<>();
            for (int s = 0; s < spawnCount; s++) {
                spawns.add(new Wave.Spawn(in.readUTF(), count(in.readInt())));
            }
            waves.add(new Wave(after, spawns));
        }
        w.waves = new Waves(waves);
        w.waves.next = in.readInt();
        w.waves.ticksSinceWave = in.readLong();

        player.x = in.readFloat();
        player.y = in.readFloat();
        player.prevX = in.readFloat();
        player.prevY = in.readFloat();
        player.vx = in.readFloat();
        player.vy = in.readFloat();
        player.aimX = in.readFloat();
        player.aimY = in.readFloat();
        player.health = in.readFloat();
        player.cooldown = in.readFloat();
        player.invulnerableSeconds = in.readFloat();
        player.immortal = in.readBoolean();
        player.score = in.readInt();

        int n = count(in.readInt());
        for (int i = 0; i < n; i++) {
            int id = in.readInt();
            int slot = in.readInt();
            if (slot < 0 || slot >= slotCount) {
                throw new IOException("entity " + id + " has slot " + slot + " of " + slotCount);
            }
            int idx = entities.add(id, slot, in.readFloat(), in.readFloat(), 0f);
            entities.prevX[idx] = in.readFloat();
            entities.prevY[idx] = in.readFloat();
            entities.vx[idx] = in.readFloat();
            entities.vy[idx] = in.readFloat();
            entities.health[idx] = in.readFloat();
            entities.cooldown[idx] = in.readFloat();
            int keys = count(in.readInt());
            EntityMemory m = entities.memory[idx];
            for (int k = 0; k < keys; k++) {
                String key = in.readUTF().intern();
                byte type = in.readByte();
                if (type != EntityMemory.INT && type != EntityMemory.FLOAT) {
                    throw new IOException("bad memory type " + type);
                }
                m.put(key, type, in.readInt(), Integer.MAX_VALUE);
            }
        }

        int shots = count(in.readInt());
        for (int i = 0; i < shots; i++) {
            byte owner = in.readByte();
            float x = in.readFloat();
            float y = in.readFloat();
            float px = in.readFloat();
            float py = in.readFloat();
            projectiles.add(owner, x, y, in.readFloat(), in.readFloat(), in.readFloat());
            projectiles.prevX[i] = px;
            projectiles.prevY[i] = py;
        }
        return w;
    }

    private static int count(int n) throws IOException {
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("bad count " + n);
        }
        return n;
    }
}
