package dev.pitstop.tune;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each version of a script source offers to tune, by file and content hash. The panel's
 * state is rebuilt after every command and every generation, and parsing costs a millisecond or
 * two a file, so each version (the live files, the tuner's own writes, the file on disk a tune
 * checks) is parsed once; the {@value #KEPT} most recently used are kept. The parser is made on
 * first use: a tuner without sources never needs it. Tune thread only (javac's parser is not
 * thread-safe).
 */
final class ScanCache {

    /** Scans kept by file and content hash: the live files and the versions written since. */
    static final int KEPT = 512;

    private TunableFinder finder;
    private final Map<String, ScannedFile> scans = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ScannedFile> eldest) {
            return size() > KEPT;
        }
    };

    /** What {@code content}, the version of {@code file} that hashes to {@code hash}, offers. */
    ScannedFile scan(String file, String hash, byte[] content) {
        String key = file + '\0' + hash;
        ScannedFile s = scans.get(key);
        if (s == null) {
            if (finder == null) {
                finder = new TunableFinder();
            }
            s = finder.scan(file, content);
            scans.put(key, s);
        }
        return s;
    }

    /** The tunable {@code qualifiedName} in that version of {@code file}, or null if it has none of that name. */
    Tunable tunable(String file, String hash, byte[] content, String qualifiedName) {
        for (Tunable t : scan(file, hash, content).tunables()) {
            if (t.qualifiedName().equals(qualifiedName)) {
                return t;
            }
        }
        return null;
    }
}
