package dev.pitstop.tune;

import dev.pitstop.reload.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live generation as the tuner sees it: its number, the hash of every file it was built from,
 * its behaviours' names, and the tunables of exactly those files (never what the disk says by now),
 * with every other {@code static final} and why it cannot be tuned. It answers which tunable a
 * name given to {@code tune} stands for, and how the list names each. Immutable; made and read on
 * the tune thread.
 *
 * @param untunable qualified name → why it cannot be tuned, so that {@code tune} says more than "unknown"
 */
record LiveTunables(int generation, Map<String, String> hashes, Set<String> behaviours, List<Tunable> tunables,
        Map<String, String> untunable) {

    static final LiveTunables NONE = new LiveTunables(0, Map.of(), Set.of(), List.of(), Map.of());

    /**
     * Finds the tunables of generation {@code number}, built from the files {@code hashes} names.
     * Each file's content comes from {@code archive}, where the builds keep it, else from the disk
     * under {@code root} if the file there still hashes the same; a file found in neither lists
     * nothing, since a tune must never be made against content that is not live.
     */
    static LiveTunables scan(int number, Map<String, String> hashes, Set<String> behaviours, SourceArchive archive,
            Path root, ScanCache scans) throws IOException {
        List<Tunable> tunables = new ArrayList<>();
        Map<String, String> untunable = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(hashes).entrySet()) {
            if (!e.getKey().endsWith(".java")) {
                continue;
            }
            byte[] content = archive.get(e.getValue());
            if (content == null) {
                content = diskIfSame(root.resolve(e.getKey()), e.getValue());
            }
            if (content != null) {
                ScannedFile scanned = scans.scan(e.getKey(), e.getValue(), content);
                tunables.addAll(scanned.tunables());
                untunable.putAll(scanned.untunable());
            }
        }
        return new LiveTunables(number, hashes, behaviours, List.copyOf(tunables), untunable);
    }

    /** The file's content if it still hashes to {@code hash}, else null. */
    private static byte[] diskIfSame(Path file, String hash) throws IOException {
        try {
            byte[] content = Files.readAllBytes(file);
            return SourceSet.hashOf(content).equals(hash) ? content : null;
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /**
     * The live tunable {@code name} stands for: its full name, or its {@code Class.FIELD} where
     * only one class of that simple name has it.
     *
     * @throws Refused when it is ambiguous, computed or unknown, saying which
     */
    Tunable resolve(String name) throws Refused {
        List<Tunable> simple = new ArrayList<>();
        for (Tunable t : tunables) {
            if (t.qualifiedName().equals(name)) {
                return t;
            }
            if (t.name().equals(name)) {
                simple.add(t);
            }
        }
        if (simple.size() == 1) {
            return simple.get(0);
        }
        if (simple.size() > 1) {
            throw new Refused("tune: " + name + " is ambiguous (" + String.join(", ", simple.stream()
                    .map(Tunable::qualifiedName).toList()) + "); give the full name; nothing written");
        }
        for (Map.Entry<String, String> e : untunable.entrySet()) {
            if (e.getKey().equals(name) || e.getKey().endsWith("." + name)) {
                throw new Refused("tune: " + name + " cannot be tuned: " + e.getValue() + "; nothing written");
            }
        }
        throw new Refused("tune: no tunable named " + name + " in the live scripts ('tunables' lists them); "
                + "nothing written");
    }

    /** {@code t}'s name as listed: {@code Class.FIELD}, or the full name where that is ambiguous. */
    String listedName(Tunable t) {
        for (Tunable other : tunables) {
            if (other != t && other.name().equals(t.name()) && !other.qualifiedName().equals(t.qualifiedName())) {
                return t.qualifiedName();
            }
        }
        return t.name();
    }

    /** Whether {@code t} is declared by a behaviour (else by a helper): the panel lists behaviours first. */
    boolean inBehaviour(Tunable t) {
        return behaviours.contains(t.owner().substring(t.owner().lastIndexOf('.') + 1));
    }
}
