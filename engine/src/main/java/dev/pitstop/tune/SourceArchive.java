package dev.pitstop.tune;

import dev.pitstop.reload.SourceSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contents script generations were built from, by SHA-256: a generation records only its
 * files' hashes, and the tunables of the live one must come from exactly what it was built from,
 * not from what the file on disk says by now. Keeps the sets of the last {@link #KEPT_BUILDS}
 * builds and whatever else the tuner still points at. {@link #built} on the reload thread (the
 * main thread for generation 1); everything else on the tune thread.
 */
final class SourceArchive {

    static final int KEPT_BUILDS = 8;

    private final Map<String, byte[]> byHash = new ConcurrentHashMap<>();
    private final Deque<Set<String>> builds = new ArrayDeque<>();

    /** A generation was built from {@code files}. */
    void built(SourceSet files) {
        Set<String> hashes = new HashSet<>();
        for (Map.Entry<String, byte[]> e : files.files().entrySet()) {
            String hash = SourceSet.hashOf(e.getValue());
            byHash.putIfAbsent(hash, e.getValue());
            hashes.add(hash);
        }
        synchronized (builds) {
            builds.addLast(hashes);
            while (builds.size() > KEPT_BUILDS) {
                builds.removeFirst();
            }
        }
    }

    /** Content the tuner wrote itself. */
    void put(String hash, byte[] content) {
        byHash.putIfAbsent(hash, content);
    }

    /** The content with this hash, or null if it is not kept. */
    byte[] get(String hash) {
        return byHash.get(hash);
    }

    /** Forgets every content neither in the last builds nor in {@code stillNeeded}. */
    void retain(Set<String> stillNeeded) {
        Set<String> keep = new HashSet<>(stillNeeded);
        synchronized (builds) {
            builds.forEach(keep::addAll);
        }
        byHash.keySet().retainAll(keep);
    }

    int size() {
        return byHash.size();
    }
}
