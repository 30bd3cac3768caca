package dev.pitstop.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing as editors save: all or nothing, never over a save that came in meanwhile. */
class EditorWriteTest {

    @TempDir
    Path dir;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    List<String> names() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheContentAndLeavesNothingElse() throws Exception {
        Path file = dir.resolve("A.java");
        Files.write(file, bytes("old"));
        assertNull(EditorWrite.replace(file, bytes("new"), () -> null));
        assertArrayEquals(bytes("new"), Files.readAllBytes(file));
        assertEquals(List.of("A.java"), names());
    }

    @Test
    void aSaveJustBeforeTheMoveWins() throws Exception {
        Path file = dir.resolve("A.java");
        byte[] ours = bytes("class A { static final int X = 1; }");
        Files.write(file, ours);
        byte[] theirs = bytes("class A { static final int X = 1; /* theirs */ }");
        String objection = EditorWrite.replace(file, bytes("class A { static final int X = 2; }"), () -> {
            Files.write(file, theirs); // a person saves between the tuner's read and its move
            return Arrays.equals(Files.readAllBytes(file), ours) ? null : "changed meanwhile";
        });
        assertEquals("changed meanwhile", objection);
        assertArrayEquals(theirs, Files.readAllBytes(file));
        assertEquals(List.of("A.java"), names(), "the temporary file is gone");
    }

    @Test
    void keepsPermissionsAndFollowsALink() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path real = dir.resolve("real");
        Files.createDirectories(real);
        Path target = real.resolve("A.java");
        Files.write(target, bytes("old"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        Path link = dir.resolve("A.java");
        Files.createSymbolicLink(link, target);
        assertNull(EditorWrite.replace(link, bytes("new"), () -> null));
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertArrayEquals(bytes("new"), Files.readAllBytes(target));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }
}
