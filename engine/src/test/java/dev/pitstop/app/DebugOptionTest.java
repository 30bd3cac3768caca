package dev.pitstop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.testing.Cli;
import dev.pitstop.testing.LauncherDryRun;
import dev.pitstop.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --debug}: the launcher opens a debugger port for exactly the values the engine accepts, at
 * the same address (127.0.0.1 for a bare port), and the engine warns about a port others can reach.
 * Nothing here opens a port: the launcher only prints its command, and the in-process runs have no
 * debugger agent.
 */
class DebugOptionTest {

    private static final String AGENT = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=";

    /** Good and bad values alike; the launcher and the engine must agree on each. */
    private static final List<String> VALUES = List.of("5005", "1", "65535", "0", "65536", "99999", "05005", "",
            "abc", "-1", "+5005", " 5005", "127.0.0.1:5005", "0.0.0.0:5005", "*:5005", "localhost:5005",
            "my-host.example:5005", "[::1]:5005", "[::]:5005", "::1:5005", ":5005", "5005:", "host:0", "host:70000",
            "a b:5005", "host:5005:6", "[::1]5005", "h_x:5005", "*:", "$(id):5005", "host;x:5005");

    @TempDir
    Path dir;

    private static DebugAddress parsed(String value) {
        try {
            return DebugAddress.parse(value);
        } catch (UsageError e) {
            assertTrue(e.getMessage().startsWith("--debug must be PORT"), e.getMessage());
            return null;
        }
    }

    @Test
    void aBarePortIsLoopbackOnlyAndAHostIsTakenAsGiven() throws Exception {
        assertEquals("127.0.0.1:5005", DebugAddress.parse("5005").jdwp());
        assertNull(DebugAddress.parse("5005").exposureWarning());
        assertNull(DebugAddress.parse("127.0.0.1:5005").exposureWarning());
        assertNull(DebugAddress.parse("[::1]:5005").exposureWarning());
        for (String open : List.of("0.0.0.0:5005", "*:5005", "[::]:5005")) {
            String w = DebugAddress.parse(open).exposureWarning();
            assertTrue(w.contains("every network interface") && w.contains("anyone") && w.contains("--debug 5005"), w);
        }
        String named = DebugAddress.parse("build-box:7000").exposureWarning();
        assertTrue(named.contains("listens on build-box") && named.contains("port 7000"), named);
        assertNotNull(DebugAddress.parse("localhost:5005").exposureWarning(), "a name is the resolver's to map");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "./pitstop is a bash script; pitstop.cmd follows the same rules")
    void theLauncherOpensAPortExactlyForTheValuesTheEngineAccepts() throws Exception {
        for (String value : VALUES) {
            DebugAddress address = parsed(value);
            String expected = address == null ? null : AGENT + address.jdwp();
            assertEquals(expected, LauncherDryRun.of("run", "--headless", "--debug", value).debugAgent(),
                    "--debug '" + value + "'");
            assertEquals(expected, LauncherDryRun.of("demo", "--debug=" + value).debugAgent(),
                    "--debug='" + value + "'");
        }
        assertNull(LauncherDryRun.of("run").debugAgent(), "no --debug, no port");
        assertNull(LauncherDryRun.of("run", "--debug", "5005", "--debug", "5006").debugAgent(),
                "given twice: the engine refuses it, so no port either");
        assertNull(LauncherDryRun.of("bench", "--debug", "5005").debugAgent(), "only run and demo take --debug");
        List<String> command = LauncherDryRun.of("run", "--debug", "5005").command();
        assertEquals(List.of("dev.pitstop.app.Main", "run", "--debug", "5005"),
                command.subList(command.size() - 4, command.size()), "the arguments reach the engine unchanged");
    }

    @Test
    void badValuesAreOneLineAndExitTwo() {
        for (String bad : List.of("70000", "0", "*:", "a b:5005", "::1:5005")) {
            Cli r = Cli.run("run", "--headless", "--debug", bad);
            assertEquals(2, r.exit, r.toString());
            assertEquals(1, r.err.strip().lines().count(), r.toString());
            assertTrue(r.err.contains("--debug must be PORT") && r.err.contains("'" + bad + "'"), r.toString());
        }
        Cli twice = Cli.run("run", "--headless", "--debug", "5005", "--debug", "5006");
        assertEquals(2, twice.exit, twice.toString());
        assertTrue(twice.err.contains("--debug"), twice.toString());
    }

    @Test
    void theStartEventSaysWhereAndAPortOthersCanReachIsAWarning() throws Exception {
        assumeFalse(DebugAddress.agentLoaded(), "these tests run under a debugger");
        Path scripts = dir.resolve("scripts");
        Scripts.write(scripts, "t/Mover.java", Scripts.mover("Mover", "3f"));
        for (String value : List.of("5005", "0.0.0.0:5005")) {
            Path events = dir.resolve("events-" + value.replace(':', '-') + ".jsonl");
            Cli r = Cli.run("run", "--headless", "--scripts", scripts.toString(), "--events", events.toString(),
                    "--spawn", "Mover=1", "--ticks", "1", "--unthrottled", "--debug", value, "--watch", "off");
            assertEquals(0, r.exit, r.toString());
            List<JsonNode> all = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(events)) {
                all.add(json.readTree(line));
            }
            JsonNode start = all.stream().filter(n -> n.get("type").asText().equals("start")).findFirst().orElseThrow();
            assertEquals(DebugAddress.parse(value).jdwp(), start.get("debug").asText());
            List<String> warnings = all.stream().filter(n -> n.get("type").asText().equals("warning"))
                    .map(n -> n.get("message").asText()).toList();
            boolean exposed = warnings.stream().anyMatch(w -> w.contains("anyone who can reach port 5005"));
            assertEquals(!value.equals("5005"), exposed, warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("without the debugger agent")),
                    "this JVM has no agent, and says so: " + warnings);
        }
    }
}
