package dev.pitstop.world;

import java.util.List;

/**
 * One wave of a level: {@code spawns} enter the arena {@code afterSeconds} after the previous wave
 * did, or as soon as the arena is clear. Immutable.
 */
public record Wave(float afterSeconds, List<Spawn> spawns) {

    public Wave {
        spawns = List.copyOf(spawns);
    }

    /** {@code count} enemies driven by the behaviour named {@code behaviour}. */
    public record Spawn(String behaviour, int count) { }
}
