package dev.pitstop.reload;

import java.util.List;

/**
 * A generation that passed every check, waiting for the game thread to install it, with what the
 * swap event reports. Immutable; handed from the reload thread to the game thread through one
 * atomic reference.
 *
 * @param firstChangeNanos {@link System#nanoTime()} when the change that led here was first seen
 */
public record ReadyGeneration(Generation generation, List<String> added, List<String> removed,
        List<String> changed, long firstChangeNanos) {
}
