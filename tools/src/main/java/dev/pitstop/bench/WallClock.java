package dev.pitstop.bench;

import java.time.Instant;

/**
 * Wall-clock time in epoch milliseconds with microsecond digits, the clock of the event log's
 * {@code t}: the one clock the driver, the engine and the restarted JVMs share. Any thread.
 */
final class WallClock {

    private WallClock() {
    }

    static double nowMillis() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
    }
}
