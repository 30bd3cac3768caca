package lanterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pitstop.reload.ScriptLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second host: its own loop, the reload core through the seam, sandboxed and budgeted. */
class LanternsTest {

    @TempDir
    Path folder;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private static final String STEADY = """
            import lanterns.api.Lantern;
            public class Steady implements Lantern {
                public char glyph(long tick) {
                    return '%s';
                }
            }
            """;

    private void write(String name, String source) throws IOException {
        Files.writeString(folder.resolve(name + ".java"), source);
    }

    /** Ticks (10 ms apart, as a loop would) until a row matches; fails after 60 s. */
    private static String tickUntil(Lanterns row, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = null;
        while (System.nanoTime() < deadline) {
            last = row.tick();
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(10);
        }
        fail("no row matched in 60 s; the last was: " + last);
        return last;
    }

    private boolean logged(String what) {
        return log.stream().anyMatch(l -> l.contains(what));
    }

    @Test
    void anEditedScriptGoesLiveInTheHostsOwnLoop() throws Exception {
        write("Steady", STEADY.formatted("a"));
        try (Lanterns row = Lanterns.open(folder, ev -> log.add(ev.toJson()))) {
            assertEquals("v1 Steady=a", row.tick());
            write("Steady", STEADY.formatted("b"));
            assertEquals("v2 Steady=b", tickUntil(row, r -> !r.startsWith("v1")));
            write("Other", STEADY.formatted("c").replace("Steady", "Other"));
            assertEquals("v3 Other=c Steady=b", tickUntil(row, r -> r.startsWith("v3")));
        }
    }

    @Test
    void aScriptReachingOutsideIsRefusedAndTheOldOneRunsOn() throws Exception {
        write("Steady", STEADY.formatted("a"));
        try (Lanterns row = Lanterns.open(folder, ev -> log.add(ev.toJson()))) {
            write("Steady", """
                    import lanterns.api.Lantern;
                    public class Steady implements Lantern {
                        public char glyph(long tick) {
                            System.exit(3);
                            return 'x';
                        }
                    }
                    """);
            tickUntil(row, r -> logged("\"rejected\""));
            assertTrue(logged("sandbox"), "refused by the sandbox: " + log);
            assertTrue(logged("Steady.java"), "the rejection names the file: " + log);
            assertEquals("v1 Steady=a", row.tick());
            write("Steady", STEADY.formatted("b").replace("return", "return undefinedName +"));
            tickUntil(row, r -> log.stream().filter(l -> l.contains("\"rejected\"")).count() == 2);
            assertTrue(logged("compile"), "a compile error is rejected too: " + log);
            assertEquals("v1 Steady=a", row.tick(), "the host keeps its scripts and its loop");
        }
    }

    @Test
    void aScriptThatNeverReturnsIsStoppedByItsBudgetAndTheOthersGoOn() throws Exception {
        write("Steady", STEADY.formatted("a"));
        write("Spin", """
                import lanterns.api.Lantern;
                public class Spin implements Lantern {
                    public char glyph(long tick) {
                        long n = 0;
                        while (true) {
                            n++;
                        }
                    }
                }
                """);
        try (Lanterns row = Lanterns.open(folder, ev -> log.add(ev.toJson()))) {
            assertEquals("v1 Spin=! Steady=a", row.tick());
            assertEquals("v1 Spin=! Steady=a", row.tick(), "every tick, and the loop goes on");
        }
    }

    @Test
    void aConstructorThatNeverEndsOrAHugeArrayIsStoppedAndTheOldVersionRunsOn() throws Exception {
        write("Steady", STEADY.formatted("a"));
        try (Lanterns row = Lanterns.open(folder, ev -> log.add(ev.toJson()))) {
            write("Steady", """
                    import lanterns.api.Lantern;
                    public class Steady implements Lantern {
                        private long n;
                        public Steady() {
                            while (true) {
                                n++;
                            }
                        }
                        public char glyph(long tick) {
                            return 'x';
                        }
                    }
                    """);
            tickUntil(row, r -> logged("\"rejected\""));
            assertTrue(logged("constructor failed"), log.toString());
            assertEquals("v1 Steady=a", row.tick());
            write("Hoard", """
                    import lanterns.api.Lantern;
                    public class Hoard implements Lantern {
                        public char glyph(long tick) {
                            long[] all = new long[1 << 30];
                            return (char) ('a' + all.length);
                        }
                    }
                    """);
            write("Steady", STEADY.formatted("b"));
            String r = tickUntil(row, x -> x.contains("Steady=b"));
            assertTrue(r.endsWith(" Hoard=! Steady=b"), "the array is refused before it is made, and the row goes on: " + r);
        }
    }

    @Test
    void aStaticInitializerThatNeverEndsIsRefusedAndTheNextSaveStillBuilds() throws Exception {
        write("Steady", STEADY.formatted("a"));
        try (Lanterns row = Lanterns.open(folder, ev -> log.add(ev.toJson()))) {
            write("Steady", """
                    import lanterns.api.Lantern;
                    public class Steady implements Lantern {
                        static long n;
                        static {
                            while (n >= 0) {
                                n++;
                            }
                        }
                        public char glyph(long tick) {
                            return 'x';
                        }
                    }
                    """);
            tickUntil(row, r -> logged("\"rejected\""));
            assertTrue(logged("static initializer or constructor failed"), log.toString());
            assertEquals("v1 Steady=a", row.tick());
            write("Steady", STEADY.formatted("c"));
            assertTrue(tickUntil(row, r -> r.endsWith("Steady=c")).startsWith("v3"), "the reload thread lived on");
        }
    }

    @Test
    void theHostUsesTheReloadCoreOnlyNothingOfTheGame() throws IOException {
        List<String> forbidden = List.of("app", "sim", "world", "loop", "render", "platform", "replay", "input");
        try (var sources = Files.walk(Path.of("src/main/java"))) {
            for (Path p : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    for (String pkg : forbidden) {
                        assertTrue(!line.startsWith("import dev.pitstop." + pkg + "."), p + ": " + line);
                    }
                }
            }
        }
    }

    @Test
    void aFirstVersionThatDoesNotBuildSaysWhereAndStartsNothing() throws Exception {
        write("Steady", STEADY.formatted("a").replace("public char", "public int"));
        ScriptLoadException e = assertThrows(ScriptLoadException.class, () -> Lanterns.open(folder, ev -> log.add(ev.toJson())));
        assertEquals("compile", e.reason());
        assertTrue(e.diagnostics().get(0).format().contains("Steady.java:"), e.diagnostics().toString());
    }
}
