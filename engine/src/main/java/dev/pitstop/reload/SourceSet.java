package dev.pitstop.reload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The script files of one attempt as read from disk: path relative to the script folder (with '/'
 * separators) → content, and a hash over all of it that decides whether anything changed.
 * Immutable; any thread.
 */
public final class SourceSet {

    private final Map<String, byte[]> files;
    private final String hash;

    public SourceSet(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.hash = hashOf(this.files);
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public String hash() {
        return hash;
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** Paths whose content differs between the two sets (added, removed or changed). */
    public java.util.SortedSet<String> changedSince(SourceSet before) {
        java.util.SortedSet<String> changed = new java.util.TreeSet<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] old = before == null ? null : before.files.get(e.getKey());
            if (old == null || !java.util.Arrays.equals(old, e.getValue())) {
                changed.add(e.getKey());
            }
        }
        if (before != null) {
            for (String k : before.files.keySet()) {
                if (!files.containsKey(k)) {
                    changed.add(k);
                }
            }
        }
        return changed;
    }

    /** Path → SHA-256 of its content, for every file. */
    public Map<String, String> fileHashes() {
        Map<String, String> m = new TreeMap<>();
        files.forEach((path, content) -> m.put(path, hashOf(content)));
        return Collections.unmodifiableMap(m);
    }

    /** SHA-256 of one file's content, hex, as {@link #fileHashes()} and {@link Generation#fileHashes()} hold it. */
    public static String hashOf(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hashOf(Map<String, byte[]> files) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                d.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(longBytes(e.getValue().length));
                d.update(e.getValue());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }
}
