package dev.pitstop.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.reload.SourceSet;
import dev.pitstop.testing.Scripts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live tunables: from exactly the built sources, and the names {@code tune} takes. */
class LiveTunablesTest {

    @TempDir
    Path dir;

    static Tunable tunable(String qualifiedName, String file) {
        String name = qualifiedName.substring(qualifiedName.indexOf('.') + 1);
        return new Tunable(name, qualifiedName, name.substring(0, name.lastIndexOf('.')), TunableType.FLOAT, file, 3,
                10, 13, 10, 13, "90f", new BigDecimal(90), null);
    }

    final Tunable speed = tunable("a.Chaser.SPEED", "a/Chaser.java");
    final Tunable range = tunable("a.Chaser.RANGE", "a/Chaser.java");
    final Tunable otherSpeed = tunable("b.Chaser.SPEED", "b/Chaser.java");
    final LiveTunables live = new LiveTunables(2, Map.of(), Set.of("Chaser"), List.of(speed, range, otherSpeed),
            Map.of("a.Chaser.TOP", "its value is computed (SPEED * 2)"));

    @Test
    void aNameIsItsFullNameOrAnUnambiguousSimpleOne() throws Exception {
        assertSame(speed, live.resolve("a.Chaser.SPEED"));
        assertSame(range, live.resolve("Chaser.RANGE"));
        assertEquals("Chaser.RANGE", live.listedName(range));
        assertEquals("a.Chaser.SPEED", live.listedName(speed), "two classes named Chaser have a SPEED");
        assertTrue(live.inBehaviour(speed));
        assertFalse(live.inBehaviour(tunable("a.Steering.K", "a/Steering.java")));
    }

    @Test
    void aNameThatIsNotOneTunableSaysWhy() {
        assertEquals("tune: Chaser.SPEED is ambiguous (a.Chaser.SPEED, b.Chaser.SPEED); give the full name; "
                + "nothing written", assertThrows(Refused.class, () -> live.resolve("Chaser.SPEED")).getMessage());
        assertEquals("tune: Chaser.TOP cannot be tuned: its value is computed (SPEED * 2); nothing written",
                assertThrows(Refused.class, () -> live.resolve("Chaser.TOP")).getMessage());
        assertTrue(assertThrows(Refused.class, () -> live.resolve("Chaser.NOPE")).getMessage()
                .startsWith("tune: no tunable named Chaser.NOPE in the live scripts"));
    }

    @Test
    void theTunablesComeFromWhatWasBuiltNeverFromANewerFile() throws Exception {
        String built = "package t;\npublic class A { static final int N = 1; static final int M = N + 1; }\n";
        Scripts.write(dir, "t/A.java", built);
        Scripts.write(dir, "t/B.java", "package t;\nclass B { static final float K = 2f; }\n");
        String bHash = SourceSet.hashOf("package t;\nclass B { static final float K = 2f; }\n"
                .getBytes(StandardCharsets.UTF_8));
        SourceArchive archive = new SourceArchive();
        archive.built(new SourceSet(Map.of("t/A.java", built.getBytes(StandardCharsets.UTF_8))));
        Scripts.write(dir, "t/A.java", built.replace("N = 1", "N = 5")); // saved since, not built yet
        Map<String, String> hashes = Map.of("t/A.java", SourceSet.hashOf(built.getBytes(StandardCharsets.UTF_8)),
                "t/B.java", bHash, "t/C.java", "gone");
        LiveTunables found = LiveTunables.scan(7, hashes, Set.of("A"), archive, dir, new ScanCache());
        assertEquals(List.of("A.N", "B.K"), found.tunables().stream().map(Tunable::name).toList(),
                "A as built, B from the disk where it still hashes the same, C nowhere");
        assertEquals("1", found.tunables().get(0).text());
        assertEquals(Set.of("t.A.M"), found.untunable().keySet());
        assertEquals(7, found.generation());
    }
}
