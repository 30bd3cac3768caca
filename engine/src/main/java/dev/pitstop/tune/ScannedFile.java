package dev.pitstop.tune;

import java.util.List;
import java.util.Map;

/**
 * What one version of one source file offers to tune: its tunables in source order, and the other
 * {@code static final} fields it declares with why each cannot be tuned (qualified name → reason),
 * so that {@code tune} can say more than "unknown". Immutable; any thread.
 */
record ScannedFile(List<Tunable> tunables, Map<String, String> untunable) {

    static final ScannedFile NONE = new ScannedFile(List.of(), Map.of());

    ScannedFile {
        tunables = List.copyOf(tunables);
        untunable = Map.copyOf(untunable);
    }
}
