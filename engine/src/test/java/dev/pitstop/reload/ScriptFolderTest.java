package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the script folder: every save seen, and the files nobody touched not read again. */
class ScriptFolderTest {

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws Exception {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private static FileTime ago(long millis) {
        return FileTime.fromMillis(System.currentTimeMillis() - millis);
    }

    @Test
    void aSettledFileIsTakenFromTheLastReadAndARecentOrRewrittenOneReadAgain() throws Exception {
        Path keep = write("t/Keep.java", "class Keep {}");
        Path old = write("t/Old.java", "float SPEED = 35f;");
        FileTime settled = ago(60_000);
        Files.setLastModifiedTime(keep, settled);
        Files.setLastModifiedTime(old, settled);
        // Settled: no change of any kind (the status-change time included) for longer than that.
        Thread.sleep(ScriptFolder.SETTLED_MILLIS + 200);
        ScriptFolder folder = new ScriptFolder(dir, ScriptFolder.Kind.SOURCES);
        SourceSet first = folder.read();
        write("t/New.java", "class New {}");
        SourceSet second = folder.read();
        assertEquals(Set.of("t/Keep.java", "t/Old.java", "t/New.java"), second.files().keySet());
        assertSame(first.files().get("t/Keep.java"), second.files().get("t/Keep.java"), "not read again");
        assertSame(first.files().get("t/Old.java"), second.files().get("t/Old.java"), "not read again");
        SourceSet third = folder.read();
        assertNotSame(second.files().get("t/New.java"), third.files().get("t/New.java"), "too recent: read again");
        // cp -p, tar and rsync -t set the modification time back; the status-change time they cannot.
        Files.writeString(old, "float SPEED = 36f;");
        Files.setLastModifiedTime(old, settled);
        SourceSet fourth = folder.read();
        assertArrayEquals("float SPEED = 36f;".getBytes(StandardCharsets.UTF_8), fourth.files().get("t/Old.java"));
        assertSame(first.files().get("t/Keep.java"), fourth.files().get("t/Keep.java"));
    }

    @Test
    void aSaveOfTheSameSizeIsSeenWhetherTheFileWasSettledOrNot() throws Exception {
        Path old = write("t/A.java", "float SPEED = 35f;");
        Files.setLastModifiedTime(old, ago(60_000));
        Path recent = write("t/B.java", "float SPEED = 35f;");
        ScriptFolder folder = new ScriptFolder(dir, ScriptFolder.Kind.SOURCES);
        folder.read();
        // An editor's save: same size, a new time.
        Files.writeString(old, "float SPEED = 36f;");
        // A save within the file system's time resolution: same size, the very same time.
        FileTime before = Files.getLastModifiedTime(recent);
        Files.writeString(recent, "float SPEED = 37f;");
        Files.setLastModifiedTime(recent, before);
        SourceSet after = folder.read();
        assertArrayEquals("float SPEED = 36f;".getBytes(StandardCharsets.UTF_8), after.files().get("t/A.java"));
        assertArrayEquals("float SPEED = 37f;".getBytes(StandardCharsets.UTF_8), after.files().get("t/B.java"));
    }

    @Test
    void aFileReplacedByAnotherWithTheSameSizeAndTimeIsReadAgain() throws Exception {
        // Editors that save to a temporary file and rename it over the old one: a new file identity.
        Path a = write("t/A.java", "class A { int v = 1; }");
        FileTime settled = ago(60_000);
        Files.setLastModifiedTime(a, settled);
        ScriptFolder folder = new ScriptFolder(dir, ScriptFolder.Kind.SOURCES);
        folder.read();
        Path tmp = write("t/.A.java.tmp", "class A { int v = 2; }");
        Files.setLastModifiedTime(tmp, settled);
        Files.move(tmp, a, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertArrayEquals("class A { int v = 2; }".getBytes(StandardCharsets.UTF_8), folder.read().files().get("t/A.java"));
    }

    @Test
    void aDeletedFileIsGoneAndANewOneComes() throws Exception {
        Path a = write("t/A.java", "class A {}");
        Files.setLastModifiedTime(a, ago(60_000));
        ScriptFolder folder = new ScriptFolder(dir, ScriptFolder.Kind.SOURCES);
        folder.read();
        Files.delete(a);
        write("t/B.java", "class B {}");
        assertEquals(Set.of("t/B.java"), folder.read().files().keySet());
        write("t/A.java", "class A {}");
        assertEquals(Set.of("t/A.java", "t/B.java"), folder.read().files().keySet());
    }
}
