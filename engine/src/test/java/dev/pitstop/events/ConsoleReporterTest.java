package dev.pitstop.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal's lines for tunes and the start. */
class ConsoleReporterTest {

    static ConsoleReporter reporter() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new ConsoleReporter(out, new StatusLine(out, false));
    }

    @Test
    void aTuneAndAnUndoAreOneLineEach() {
        ConsoleReporter r = reporter();
        Event tuned = Event.of("tuned", 5).with("name", "Chaser.SPEED").with("from", "90f").with("to", "120f")
                .with("file", "demo/Chaser.java").with("line", 12L);
        assertEquals("pitstop: tuned Chaser.SPEED 90f -> 120f (demo/Chaser.java:12)", r.format(tuned));
        assertEquals("pitstop: undid: Chaser.SPEED 90f -> 120f (demo/Chaser.java:12)", r.format(tuned.with("undo", true)));
    }

    @Test
    void theTunablesAreListedOneALine() {
        ConsoleReporter r = reporter();
        Event listed = Event.of("tunables", 5).with("items", List.of(
                Map.of("name", "Chaser.SPEED", "type", "float", "value", "90f", "file", "demo/Chaser.java", "line", 12L)));
        String nl = System.lineSeparator();
        assertEquals("pitstop: 1 tunable" + nl + "  Chaser.SPEED = 90f  (float, demo/Chaser.java:12)", r.format(listed));
        assertEquals("pitstop: 0 tunables (no sources)", r.format(Event.of("tunables", 5).with("items", List.of())
                .with("message", "no sources")));
    }

    /** A process that outlives the game is said at its start, so that it is no surprise; off says nothing. */
    @Test
    void theStartLineSaysWhereScriptsCompile() {
        ConsoleReporter r = reporter();
        Event start = Event.of("start", 0).with("generation", 1).with("behaviours", List.of("Chaser"))
                .with("scripts", "game-scripts/src/main/java");
        String base = "pitstop: generation 1 live with [Chaser]; watching game-scripts/src/main/java";
        assertEquals(base, r.format(start));
        assertEquals(base, r.format(start.with("compileDaemon", "off")));
        assertEquals(base + "; compile daemon reused (process 42), kept warm for the next start",
                r.format(start.with("compileDaemon", "reused (process 42)")));
        assertEquals(base + "; compile daemon not used: another engine is using it",
                r.format(start.with("compileDaemon", "not used: another engine is using it")));
    }
}
