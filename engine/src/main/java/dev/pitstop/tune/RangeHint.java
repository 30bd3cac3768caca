package dev.pitstop.tune;

/** A constant's {@code @Range(min, max)}, as read from its source. Immutable; any thread. */
record RangeHint(double min, double max) {

    RangeHint {
        if (!(min < max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("a range needs min < max, both finite: " + min + ", " + max);
        }
    }

    /** Where {@code value} lies in the range, clamped to [0, 1]. */
    double position(double value) {
        return Math.max(0, Math.min(1, (value - min) / (max - min)));
    }
}
