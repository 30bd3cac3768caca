package dev.pitstop.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares two sets of script file hashes (a recording's and today's). Any thread. */
final class ScriptHashes {

    private ScriptHashes() {
    }

    /** "changed a, b; missing c; new d", or null when both sets are the same. */
    static String differences(Map<String, String> recorded, Map<String, String> now) {
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> added = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(recorded.keySet());
        all.addAll(now.keySet());
        for (String file : all) {
            String a = recorded.get(file);
            String b = now.get(file);
            if (a == null) {
                added.add(file);
            } else if (b == null) {
                missing.add(file);
            } else if (!a.equals(b)) {
                changed.add(file);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add("changed " + String.join(", ", changed));
        }
        if (!missing.isEmpty()) {
            parts.add("missing " + String.join(", ", missing));
        }
        if (!added.isEmpty()) {
            parts.add("new " + String.join(", ", added));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
