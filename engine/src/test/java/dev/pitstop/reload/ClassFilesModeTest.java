package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.compile.ScriptCompiler;
import dev.pitstop.events.Event;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --script-classes}: class files written by someone else's compiler, as an IDE would. */
class ClassFilesModeTest {

    @TempDir
    Path dir;

    /** Compiles every source under {@code src} with the JDK's javac and writes the class files into {@code out}. */
    static void ideCompile(Path src, Path out) throws Exception {
        Map<String, byte[]> sources = new TreeMap<>();
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".java"))::iterator) {
                sources.put(src.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p));
            }
        }
        Map<String, byte[]> classes = ScriptCompiler.unrestricted(ScriptCompiler.scriptClassPath(), List.of("-g"))
                .compile(sources).classesOrThrow();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            Path file = out.resolve(c.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
        }
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
