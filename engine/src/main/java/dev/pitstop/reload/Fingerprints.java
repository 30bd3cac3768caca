package dev.pitstop.reload;

import dev.pitstop.api.Behaviour;
import dev.pitstop.reload.bytecode.ClassFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an edit changed, told by fingerprints. A class's fingerprint is a hash of every script
 * class it can reach (itself included), name and bytes, so a helper's edit changes its users'
 * fingerprints too, including behaviours javac copied a helper's constant into; a behaviour's
 * fingerprint is its class's. The same fingerprint means the same code: a load keeps an earlier
 * instance of such a behaviour (JIT-warm) and does not load such a class again, and the swap
 * event lists the behaviours whose fingerprint is new, gone or different. Stateless; the reload
 * thread and the script thread that loads.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * Each class's fingerprint. Each class's bytes are hashed once and the fingerprints combine
     * those hashes, so that a folder where everything reaches everything costs one pass over the
     * bytes, not one per class.
     */
    static Map<String, String> of(Map<String, ClassFacts> facts, Map<String, byte[]> classes) {
        try {
            Map<String, byte[]> digests = new HashMap<>();
            for (String name : facts.keySet()) {
                digests.put(name, MessageDigest.getInstance("SHA-256").digest(classes.get(name)));
            }
            Map<String, String> prints = new TreeMap<>();
            for (String name : facts.keySet()) {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                for (String n : reach(name, facts)) {
                    d.update(n.getBytes(StandardCharsets.UTF_8));
                    d.update(digests.get(n));
                }
                prints.put(name, HexFormat.of().formatHex(d.digest(), 0, 12));
            }
            return prints;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The simple names of the classes whose fingerprint ({@code prints}, by class name) is not
     * that of a behaviour of the same name in {@code earlier}: every class if {@code earlier} is
     * null. The behaviours among them are those whose code an edit changed or added.
     */
    static Set<String> changedBehaviours(Map<String, String> prints, Generation earlier) {
        Set<String> changed = new TreeSet<>();
        // A loop, not a lambda: this runs first at the first save, where linking one costs milliseconds.
        for (Map.Entry<String, String> e : prints.entrySet()) {
            String simple = ClassShape.simpleName(e.getKey());
            if (earlier == null || !e.getValue().equals(earlier.fingerprints().get(simple))) {
                changed.add(simple);
            }
        }
        return changed;
    }

    /** Every script class {@code className} can reach (itself included), sorted. */
    static Set<String> reach(String className, Map<String, ClassFacts> facts) {
        Set<String> reach = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(className));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (facts.containsKey(n) && reach.add(n)) {
                todo.addAll(facts.get(n).references());
            }
        }
        return reach;
    }

    /** {@code earlier}'s instance of behaviour {@code simple} if its code has {@code fingerprint} there too, else null. */
    static Behaviour keptInstance(Generation earlier, String simple, String fingerprint) {
        return earlier == null || !fingerprint.equals(earlier.fingerprints().get(simple)) ? null
                : earlier.table().byName().get(simple);
    }

    /** The behaviours an edit added, removed and changed, each list sorted by name. */
    record Changes(List<String> added, List<String> removed, List<String> changed) { }

    /**
     * What changed from the behaviours' fingerprints {@code before} to {@code after}: the ready
     * generation's added, removed and changed, as its swap event reports them.
     */
    static Changes between(Map<String, String> before, Map<String, String> after) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(after).entrySet()) {
            String old = before.get(e.getKey());
            if (old == null) {
                added.add(e.getKey());
            } else if (!old.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        List<String> removed = new ArrayList<>(new TreeSet<>(before.keySet()));
        removed.removeAll(after.keySet());
        return new Changes(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
    }
}
