package dev.pitstop.tune;

import java.util.List;

/**
 * What the panel shows: every live tunable, in file order, with the value written but not live
 * yet and whether its build was rejected; and the last error, if any. The tuner publishes a new
 * one after every change, on the tune thread; immutable, so the game thread reads it without a
 * lock.
 *
 * @param version  counts the snapshots published, so a reader sees that something changed
 * @param done     the number of the last command handled (see {@link Tuner#tune})
 * @param sources  false for a tuner without sources ({@code --script-classes})
 * @param message  the last error, or why there is nothing to tune, or null
 */
record TunerSnapshot(long version, long done, boolean sources, String message, List<TunerSnapshot.Item> items) {

    /**
     * One live tunable for the panel.
     *
     * @param name      as {@code tune} takes it
     * @param behaviour whether its class is a behaviour (else a helper)
     * @param building  the value written and still building, or null when what is written is live
     * @param rejected  why the build of {@code building} was rejected, or null
     */
    record Item(Tunable tunable, String name, boolean behaviour, String building, String rejected) { }
}
