package dev.pitstop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafepointLogTest {

    @TempDir
    Path dir;

    @Test
    void readsJdk17LinesAndSumsThePausesInsideTheWindow() throws Exception {
        Path log = dir.resolve("sp.log");
        Files.writeString(log, """
                [1000ns][safepoint] Safepoint "G1CollectForAllocation", Time since last: 6 ns, Reaching safepoint: 2 ns, Cleanup: 1 ns, At safepoint: 7 ns, Total: 10 ns
                [5000ns][safepoint] Safepoint "RedefineClasses", Time since last: 194 ns, Reaching safepoint: 3 ns, Cleanup: 104 ns, At safepoint: 876 ns, Total: 983 ns
                [5100ns][safepoint] Safepoint "Cleanup", Time since last: 1 ns, Reaching safepoint: 3 ns, Cleanup: 1 ns, At safepoint: 13 ns, Total: 17 ns
                some other line
                """);
        List<SafepointLog.Safepoint> all = SafepointLog.read(log);
        assertEquals(3, all.size());
        assertEquals(new SafepointLog.Safepoint("RedefineClasses", 5000, 983), all.get(1));
        assertEquals(1000, SafepointLog.pauseNanos(all, 4000, 6000));
        assertEquals(983, SafepointLog.pauseNanos(all, 4000, 5050));
        assertEquals(-1, SafepointLog.pauseNanos(all, 6000, 7000));
    }
}
