package dev.pitstop.events;

import org.HdrHistogram.Histogram;

/**
 * Tick durations in nanoseconds, in an HdrHistogram (3 significant digits, up to 10 s), for the
 * status line and the HUD. Records without allocating. Game thread only.
 */
public final class TickTimes {

    private static final long MAX_NANOS = 10_000_000_000L;

    private final Histogram histogram = new Histogram(MAX_NANOS, 3);

    public void record(long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0), MAX_NANOS));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    public void reset() {
        histogram.reset();
    }
}
