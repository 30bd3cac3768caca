package dev.pitstop.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.api.Behaviour;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.DebugDraw;
import dev.pitstop.sim.Simulation;
import dev.pitstop.testing.TestWorlds;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    @TempDir
    Path dir;

    private static final Map<String, Behaviour> SCRIPTS = Map.of("Busy", new TestWorlds.Busy(), "Right",
            new TestWorlds.Right());

    private static Simulation fresh() {
        return TestWorlds.simulation(7, SCRIPTS, Map.of("Busy", 300, "Right", 20));
    }

    @Test
    void roundTripKeepsEveryBitOfState() throws Exception {
        Simulation sim = fresh();
        TestWorlds.run(sim, 120);
        Path file = dir.resolve("w.snap");
        Snapshot.write(file, sim.world());
        WorldState back = Snapshot.read(file);
        assertEquals(Checksum.of(sim.world()), Checksum.of(back));
        assertEquals(sim.world().tick, back.tick);
        assertEquals(sim.world().slots, back.slots);
        assertEquals(sim.world().rng.state(), back.rng.state());
        assertTrue(back.projectiles.count > 0, "the test world has shots in flight");
    }

    @Test
    void restoredAtTAndRunToUMatchesOneUninterruptedRun() throws Exception {
        Simulation straight = fresh();
        TestWorlds.run(straight, 300);

        Simulation first = fresh();
        TestWorlds.run(first, 130);
        Path file = dir.resolve("t130.snap");
        Snapshot.write(file, first.world());
        WorldState restored = Snapshot.read(file);
        Simulation second = new Simulation(restored, EventSink.NONE, new DebugDraw(false));
        second.install(TestWorlds.table(1, SCRIPTS, restored.slots));
        TestWorlds.run(second, 170);

        assertEquals(300, second.world().tick);
        assertEquals(Checksum.of(straight.world()), Checksum.of(second.world()));
    }

    @Test
    void truncatedCorruptedAndForeignFilesAreRefusedWhole() throws Exception {
        Simulation sim = fresh();
        TestWorlds.run(sim, 30);
        Path good = dir.resolve("good.snap");
        Snapshot.write(good, sim.world());
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.snap");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(assertThrows(BadFileException.class, () -> Snapshot.read(truncated)).getMessage().contains("truncated"));

        Path corrupted = dir.resolve("corrupted.snap");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x40;
        Files.write(corrupted, flipped);
        assertTrue(assertThrows(BadFileException.class, () -> Snapshot.read(corrupted)).getMessage().contains("corrupted"));

        Path otherVersion = dir.resolve("v99.snap");
        byte[] v99 = bytes.clone();
        ByteBuffer.wrap(v99).putInt(8, 99);
        Files.write(otherVersion, v99);
        String msg = assertThrows(BadFileException.class, () -> Snapshot.read(otherVersion)).getMessage();
        assertTrue(msg.contains("version 99") && msg.contains("version " + Snapshot.VERSION), msg);

        Path foreign = dir.resolve("foreign.snap");
        Files.writeString(foreign, "hello, I am a text file and not a snapshot");
        assertTrue(assertThrows(BadFileException.class, () -> Snapshot.read(foreign)).getMessage().contains("not a Pitstop"));

        Path empty = dir.resolve("empty.snap");
        Files.write(empty, new byte[0]);
        assertThrows(BadFileException.class, () -> Snapshot.read(empty));

        Path missing = dir.resolve("missing.snap");
        assertTrue(assertThrows(BadFileException.class, () -> Snapshot.read(missing)).getMessage().contains("does not exist"));

        for (String m : new String[] {msg}) {
            assertEquals(-1, m.indexOf('\n'), "one line");
        }
    }

    @Test
    void sameSeedSameChecksumOtherSeedOtherChecksum() {
        Simulation a = fresh();
        Simulation b = fresh();
        Simulation c = TestWorlds.simulation(8, SCRIPTS, Map.of("Busy", 300, "Right", 20));
        TestWorlds.run(a, 200);
        TestWorlds.run(b, 200);
        TestWorlds.run(c, 200);
        assertEquals(Checksum.of(a.world()), Checksum.of(b.world()));
        assertNotEquals(Checksum.of(a.world()), Checksum.of(c.world()));
    }
}
