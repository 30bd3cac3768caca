package dev.pitstop.reload;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recompiles only what an edit can affect: the changed files and, transitively, every file that
 * mentions a type declared in one of them, against the previous classes of everything else. A
 * file that uses a helper's {@code static final} constant must name the helper (or a type that
 * does) to reach it, so the closure over names catches the constants javac copies into their
 * users. Errors are confirmed by a full compile, so a stale class can never cause a false one;
 * a compiler that gave up (out of time or memory) is not asked again, since a full compile would
 * only take longer to fail. One-file edits among many scripts compile in a fraction of the time of
 * a full build.
 *
 * <p>Reload thread only.
 */
final class IncrementalCompiler {

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*)");

    private final SourceCompiler javac;
    private SourceSet lastSources;
    private CompileResult last;
    private final Map<String, Set<String>> identifiersByHash = new HashMap<>();

    IncrementalCompiler(SourceCompiler javac) {
        if (javac == null) {
            throw new IllegalArgumentException("an incremental compiler needs a compiler");
        }
        this.javac = javac;
    }

    /** Every source compiled, from scratch (generation 1, and to confirm an error). */
    CompileResult full(SourceSet files) {
        CompileResult r = javac.compile(files.files());
        remember(files, r);
        return r;
    }

    /** The classes of {@code files}, compiling as little as the edit allows. */
    CompileResult compile(SourceSet files) {
        if (last == null) {
            return full(files);
        }
        Plan plan = plan(files, closure(files, files.changedSince(lastSources)));
        Map<String, byte[]> kept = plan.kept();
        Map<String, String> keptSources = plan.keptSources();
        Map<String, byte[]> toCompile = plan.toCompile();
        CompileResult part = javac.compile(toCompile, kept);
        if (part.gaveUp()) {
            return part;
        }
        if (!part.ok()) {
            return full(files);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>(kept);
        classes.putAll(part.classes());
        Map<String, String> sourceOf = new HashMap<>(keptSources);
        sourceOf.putAll(part.sourceOf());
        CompileResult merged = new CompileResult(classes, sourceOf, java.util.List.of(), part.compiledFiles());
        remember(files, merged);
        return merged;
    }

    /** What a compile sends: the files to compile, and the classes of the rest it compiles against. */
    private record Plan(Map<String, byte[]> toCompile, Map<String, byte[]> kept, Map<String, String> keptSources) { }

    private Plan plan(SourceSet files, Set<String> rebuild) {
        Map<String, byte[]> kept = new LinkedHashMap<>();
        Map<String, String> keptSources = new HashMap<>();
        last.sourceOf().forEach((className, file) -> {
            if (!rebuild.contains(file) && files.files().containsKey(file)) {
                kept.put(className, last.classes().get(className));
                keptSources.put(className, file);
            }
        });
        Map<String, byte[]> toCompile = new TreeMap<>();
        for (String f : rebuild) {
            byte[] content = files.files().get(f);
            if (content != null) {
                toCompile.put(f, content);
            }
        }
        return new Plan(toCompile, kept, keptSources);
    }

    /**
     * Warms this JVM's half of a one-file compile (which files to compile, the request with the
     * other classes, the answer) with up to {@code compiles} real one-file compiles of the last
     * sources, as if each file had been saved unchanged; their results are thrown away and nothing
     * is remembered. Stops as soon as {@code stop} says so. Reload thread.
     */
    void warmUp(int compiles, java.util.function.BooleanSupplier stop) {
        if (last == null) {
            return;
        }
        SourceSet files = lastSources;
        java.util.List<String> names = new java.util.ArrayList<>(files.files().keySet());
        for (int i = 0; i < compiles && !names.isEmpty() && !stop.getAsBoolean(); i++) {
            Plan plan = plan(files, closure(files, Set.of(names.get(i % names.size()))));
            if (javac.compile(plan.toCompile(), plan.kept()).gaveUp()) {
                return; // a compile process in trouble is not warmed any further
            }
        }
    }

    /** The last compile that succeeded (all classes), or null before the first. */
    CompileResult lastResult() {
        return last;
    }

    /** The sources of {@link #lastResult()}, or null. */
    SourceSet lastSources() {
        return lastSources;
    }

    private void remember(SourceSet files, CompileResult r) {
        if (r.ok()) {
            lastSources = files;
            last = r;
        }
    }

    /** The changed files plus every file that (transitively) names a type declared in one of them. */
    private Set<String> closure(SourceSet files, Set<String> changed) {
        Set<String> rebuild = new HashSet<>(changed);
        Set<String> names = new HashSet<>();
        for (String f : changed) {
            names.addAll(declaredBefore(f));
            byte[] now = files.files().get(f);
            if (now != null) {
                names.addAll(declaredIn(now));
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, byte[]> e : files.files().entrySet()) {
                if (rebuild.contains(e.getKey())) {
                    continue;
                }
                Set<String> ids = identifiers(e.getValue());
                if (!java.util.Collections.disjoint(ids, names)) {
                    rebuild.add(e.getKey());
                    names.addAll(declaredBefore(e.getKey()));
                    names.addAll(declaredIn(e.getValue()));
                    grew = true;
                }
            }
        }
        return rebuild;
    }

    /** Simple names of the classes the last build made from {@code file} (nested ones included). */
    private Set<String> declaredBefore(String file) {
        Set<String> names = new HashSet<>();
        last.sourceOf().forEach((className, f) -> {
            if (f.equals(file)) {
                String simple = className.substring(className.lastIndexOf('.') + 1);
                for (String part : simple.split("\\$")) {
                    if (!part.isEmpty() && !Character.isDigit(part.charAt(0))) {
                        names.add(part);
                    }
                }
            }
        });
        return names;
    }

    private static Set<String> declaredIn(byte[] source) {
        Set<String> names = new HashSet<>();
        Matcher m = DECLARATION.matcher(new String(source, StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private Set<String> identifiers(byte[] source) {
        String key = SourceSet.hashOf(source);
        if (identifiersByHash.size() > 4096) {
            identifiersByHash.clear();
        }
        return identifiersByHash.computeIfAbsent(key, k -> {
            Set<String> ids = new HashSet<>();
            Matcher m = IDENTIFIER.matcher(new String(source, StandardCharsets.UTF_8));
            while (m.find()) {
                ids.add(m.group());
            }
            return ids;
        });
    }
}
