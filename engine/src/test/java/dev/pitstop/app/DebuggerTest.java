package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import dev.pitstop.guard.WorkBudget;
import dev.pitstop.testing.ChildEngine;
import dev.pitstop.testing.Ide;
import dev.pitstop.testing.ListeningSockets;
import dev.pitstop.testing.Scripts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE attached to {@code --debug PORT}: the engine runs in a JVM of its own started with the
 * launcher's JVM options (its dry run), so the debugger agent is exactly the one {@code ./pitstop}
 * adds. The port is on 127.0.0.1 only; a breakpoint in a script's loop holds the game for many
 * times the wall-clock backstop without a fault or a rollback, whether it suspends the whole VM or
 * only the game thread; and it binds again in the classes of the next generation, in the shadow run
 * first (thread pitstop-shadow, in the shadow run's own copy of the class) and then in the live game
 * (pitstop-game, in the live copy).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the engine's JVM options come from ./pitstop, a bash script")
class DebuggerTest {

    /** How long each breakpoint holds the game: several backstops (a person takes a minute; this proves the point). */
    private static final long HOLD_MILLIS = 6 * WorkBudget.BACKSTOP_MILLIS;
    private static final long HIT_PATIENCE_MILLIS = 60_000;

    @TempDir
    Path dir;

    /**
     * A behaviour whose update loops long enough after a breakpoint for the work budget to look at
     * the backstop's stop request (it looks every 1024 units; each turn of the loop is one).
     */
    private static String looper(String speed) {
        return """
                package t;

                import dev.pitstop.api.*;

                public class Looper implements Behaviour {
                    static final float SPEED = %s;

                    @Override
                    public void update(Agent self, World world) {
                        float sum = 0f;
                        for (int i = 0; i < 5000; i++) {
                            sum += SPEED * (i & 3); // BREAK
                        }
                        self.setVelocity(sum, 0f);
                    }
                }
                """.formatted(speed);
    }

    private static int breakLine() {
        List<String> lines = looper("1f").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("// BREAK")) {
                return i + 1;
            }
        }
        throw new AssertionError("no break line");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private ChildEngine start(int port) throws Exception {
        Path scripts = dir.resolve("scripts");
        Scripts.write(scripts, "t/Looper.java", looper("1f"));
        return ChildEngine.run(dir, "--scripts", scripts.toString(), "--spawn", "Looper=3", "--stats-every", "10",
                "--debug", Integer.toString(port));
    }

    @Test
    void aBarePortListensOnLoopbackOnly() throws Exception {
        assumeTrue(ListeningSockets.available(), "reads the kernel's socket tables in /proc/net (Linux only)");
        int port = freePort();
        try (ChildEngine engine = start(port)) {
            engine.await(e -> e.get("type").asText().equals("start"), "start event");
            List<InetAddress> bound = ListeningSockets.on(port);
            assertEquals(List.of(InetAddress.getByName("127.0.0.1")), bound,
                    "the debugger port listens on loopback and nowhere else\n" + engine.describe());
        }
    }

    @Test
    void aBreakpointHeldInAScriptLoopIsNoFaultAndBindsInTheNextGeneration() throws Exception {
        int port = freePort();
        int line = breakLine();
        try (ChildEngine engine = start(port); Ide ide = Ide.attach(port, "t.Looper", line)) {
            // Suspending the whole VM (IntelliJ IDEA's default): held, resumed, hit again in the same loop.
            Ide.Hit hit = ide.nextHit(HIT_PATIENCE_MILLIS);
            ThreadReference game = hit.thread();
            assertEquals("pitstop-game", game.name());
            assertEquals(line, hit.location().lineNumber());
            ReferenceType first = hit.location().declaringType();
            Thread.sleep(HOLD_MILLIS); // a person looking at the variables
            hit.resume();
            hit = ide.nextHit(HIT_PATIENCE_MILLIS);
            Thread.sleep(HOLD_MILLIS);
            // Suspending only the thread that hit (Eclipse's default): the watchdog runs on meanwhile.
            ide.suspendOnlyTheThread(true);
            hit.resume();
            hit = ide.nextHit(HIT_PATIENCE_MILLIS);
            assertEquals(game, hit.thread());
            Thread.sleep(HOLD_MILLIS);
            hit.resume();
            hit = ide.nextHit(HIT_PATIENCE_MILLIS);
            Thread.sleep(HOLD_MILLIS);
            ide.mute(false);
            long resumedAt = engine.lastTick();
            hit.resume();
            engine.awaitTick(resumedAt + 30);
            assertNoFaults(engine);

            // An edit: the breakpoint binds in generation 2's class, which runs in the shadow run first.
            ide.mute(true);
            Scripts.write(dir.resolve("scripts"), "t/Looper.java", looper("2f"));
            hit = ide.nextHit(HIT_PATIENCE_MILLIS);
            assertEquals("pitstop-shadow", hit.thread().name(), "the shadow run meets the new code first");
            ReferenceType second = hit.location().declaringType();
            assertNotEquals(first, second, "a class of the new generation");
            assertEquals("t.Looper", second.name());
            assertNotEquals(first.classLoader(), second.classLoader());
            Thread.sleep(HOLD_MILLIS);
            // Muted while the shadow run goes on (a breakpoint that filters every pass by thread
            // would slow its loop many times over), back once the new code is live.
            ide.mute(false);
            hit.resume();
            engine.await(e -> e.get("type").asText().equals("swap") && e.get("toGeneration").asInt() >= 2, "swap");
            // The live game runs a copy of the class of its own, prepared after the shadow run's.
            List<ReferenceType> bound = ide.boundIn();
            ReferenceType live = bound.get(bound.size() - 1);
            assertEquals("t.Looper", live.name());
            assertNotEquals(second, live, "the live game shares no class with the shadow run");
            assertNotEquals(second.classLoader(), live.classLoader());
            ide.unmute(live);
            hit = ide.nextHit(HIT_PATIENCE_MILLIS);
            assertEquals(game, hit.thread(), "then the live game");
            assertEquals(live, hit.location().declaringType());
            Thread.sleep(HOLD_MILLIS);
            ide.mute(false);
            resumedAt = engine.lastTick();
            hit.resume();
            engine.awaitTick(resumedAt + 30);
            assertNoFaults(engine);
            assertEquals(List.of(), engine.events("rejected").stream()
                    .filter(e -> e.get("reason").asText().equals("shadow")).toList(), "the held shadow run passed");
        }
    }

    private static void assertNoFaults(ChildEngine engine) throws IOException {
        List<JsonNode> bad = engine.events().stream()
                .filter(e -> List.of("fault", "rollback").contains(e.get("type").asText())).toList();
        assertEquals(List.of(), bad, "no fault and no rollback for the time at the breakpoint\n" + engine.describe());
    }
}
