package dev.pitstop.bench;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a set of measurements, from an HdrHistogram at three significant digits. Values
 * are recorded in thousandths of their unit (microseconds for milliseconds, nanoseconds for
 * microseconds), so they keep three decimals. NaN values (unknown) are left out. Single thread.
 */
final class Distribution {

    private static final long SCALE = 1000;

    private final Histogram histogram = new Histogram(3);

    static Distribution of(double[] values) {
        Distribution d = new Distribution();
        for (double v : values) {
            d.add(v);
        }
        return d;
    }

    void add(double value) {
        if (!Double.isNaN(value)) {
            histogram.recordValue(Math.max(0, Math.round(value * SCALE)));
        }
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The value at {@code percentile} (0-100), or NaN if there are none. */
    double percentile(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / (double) SCALE;
    }

    double max() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / (double) SCALE;
    }
}
