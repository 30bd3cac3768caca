package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --script-classes}: class files written by someone else's compiler, as an IDE would. */
class ClassFilesModeTest {

    @TempDir
    Path dir;

    /** Compiles every source under {@code src} into {@code out} with the JDK's javac, to disk. */
    static void ideCompile(Path src, Path out) throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.walk(src)) {
            files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        String cp = String.join(File.pathSeparator, ReloadCoordinator.scriptClassPath().stream().map(Path::toString).toList());
        String[] args = Stream.concat(Stream.of("-g", "-d", out.toString(), "-cp", cp), files.stream()).toArray(String[]::new);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args));
    }

    @Test
    void loadsWatchesAndSwapsClassFiles() throws Exception {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        Scripts.write(src, "t/Mover.java", Scripts.mover("Mover", "2f"));
        ideCompile(src, out);
        try (RunningEngine e = RunningEngine.headless("--script-classes", out.toString(), "--spawn", "Mover=3",
                "--stats-every", "5", "--shadow-ticks", "0")) {
            Event start = e.await(0, "start");
            assertEquals(List.of("Mover"), start.get("behaviours"));
            int m = e.mark();
            Scripts.write(src, "t/Mover.java", Scripts.mover("Mover", "5f"));
            ideCompile(src, out);
            Event swap = e.await(m, "swap");
            assertEquals(List.of("Mover"), swap.get("changed"));
            dev.pitstop.testing.Stats.awaitSpeed(e, m, "Mover", 5);

            m = e.mark();
            Scripts.write(src, "t/Mover.java", Scripts.mover("Mover", "5f").replace("self.setVelocity(SPEED, 0f);",
                    "if (n > 0) throw new IllegalStateException(\"from a class file\");"));
            ideCompile(src, out);
            Event rollback = e.await(m, "rollback");
            assertTrue(String.valueOf(rollback.get("reason")).contains("t/Mover.java:"), "located by SourceFile: " + rollback);
        }
    }
}
