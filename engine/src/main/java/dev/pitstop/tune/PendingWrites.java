package dev.pitstop.tune;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tuner's writes that are not live yet, the newest per file, and what became of the builds
 * that carry them. A file the tuner wrote may be written again before that build is live (a drag
 * writes five times a second), so a write is recognised by its content's hash, and the tuner may
 * write over its own pending content as over the live one: anyone else's content, built or not,
 * it never writes over. Tune thread only.
 */
final class PendingWrites {

    /**
     * The tuner's newest write to one file while it is not live yet: {@code chain} holds the
     * content live when the first of these writes was made and every write since, so that an
     * older one going live keeps the newest building, while anyone else's going live ends it.
     *
     * @param attempt  the first build attempt started after the newest write, 0 until one starts
     * @param rejected why that attempt or a later one was rejected, or null
     */
    record Pending(String hash, Set<String> chain, int attempt, String rejected) {

        Pending next(String newHash) {
            Set<String> all = new HashSet<>(chain);
            all.add(newHash);
            return new Pending(newHash, Set.copyOf(all), 0, null);
        }
    }

    private final Map<String, Pending> byFile = new HashMap<>();

    /** The pending write to {@code file}, or null. */
    Pending get(String file) {
        return byFile.get(file);
    }

    /** Whether the tuner may write over {@code file} holding content that hashes to {@code diskHash}. */
    boolean writable(String file, String diskHash, String liveHash) {
        Pending p = byFile.get(file);
        return diskHash.equals(liveHash) || p != null && diskHash.equals(p.hash);
    }

    /** The tuner replaced {@code file}'s content (hash {@code diskHash}) with {@code nextHash}'s. */
    void wrote(String file, String diskHash, String nextHash, String liveHash) {
        Pending before = byFile.get(file);
        if (nextHash.equals(liveHash)) {
            byFile.remove(file); // written back to what runs (an undo): nothing to wait for
        } else if (before != null && before.hash.equals(diskHash)) {
            byFile.put(file, before.next(nextHash));
        } else {
            byFile.put(file, new Pending(nextHash, liveHash == null ? Set.of(nextHash) : Set.of(liveHash, nextHash), 0,
                    null));
        }
    }

    /**
     * The files now live hash to {@code liveHashes}: a write is settled once its content is live,
     * or once someone else's content went live after it.
     */
    void settle(Map<String, String> liveHashes) {
        byFile.entrySet().removeIf(p -> {
            String now = liveHashes.get(p.getKey());
            return p.getValue().hash.equals(now) || !p.getValue().chain.contains(now);
        });
    }

    /** The contents still pending, which the source archive must keep. */
    Set<String> hashes() {
        Set<String> all = new HashSet<>();
        byFile.values().forEach(p -> all.add(p.hash));
        return all;
    }

    /** Build attempt {@code generation} started: it carries every write that no earlier attempt did. */
    void attemptStarted(int generation) {
        // A loop, not a lambda: this first runs while the first save builds, on two busy cores.
        for (Map.Entry<String, Pending> e : byFile.entrySet()) {
            Pending p = e.getValue();
            if (p.attempt == 0) {
                e.setValue(new Pending(p.hash, p.chain, generation, p.rejected));
            }
        }
    }

    /**
     * Build attempt {@code generation} was rejected for {@code why}: so is every write it or an
     * earlier attempt carried.
     *
     * @return whether any write was
     */
    boolean rejected(int generation, String why) {
        boolean any = false;
        for (Map.Entry<String, Pending> e : byFile.entrySet()) {
            Pending p = e.getValue();
            if (p.attempt != 0 && generation >= p.attempt) {
                e.setValue(new Pending(p.hash, p.chain, p.attempt, why));
                any = true;
            }
        }
        return any;
    }
}
