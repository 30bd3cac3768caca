package dev.pitstop.reload.bytecode;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sandbox scan and the budget's instrumentation of one attempt, done again only for what
 * changed since the last attempt that passed both: a class whose bytes are the same, among script
 * classes whose outlines ({@link ScriptShapes}: names, super types, declared members) are all the
 * same, resolves every member the same way, so its scan is clean again and its instrumented bytes
 * are the same; it is neither scanned nor instrumented again. Any change of outline anywhere (or a
 * host type listed since) checks every class again. An edit of one behaviour among twenty checks one class instead of twenty.
 * Reload thread (the main thread for generation 1); not thread-safe.
 */
public final class CheckMemory {

    /** What a check found: the violations (none if it passed), and the instrumented classes if it passed. */
    public record Outcome(List<SandboxViolation> violations, Map<String, byte[]> instrumented, int checked) { }

    private ScriptShapes shapesBefore;
    private int hostVersionBefore = -1;
    private Map<String, byte[]> passed = Map.of();
    private Map<String, byte[]> instrumentedBefore = Map.of();
    private final Map<String, Read> read = new HashMap<>();

    /** The bytes a class's facts were read from. */
    private record Read(byte[] bytes, ClassFacts facts) { }

    /**
     * {@link ClassFacts#read}{@code (bytes)}, read again only if {@code bytes} differ from those
     * last read for {@code className}.
     *
     * @throws IllegalArgumentException as {@link ClassFacts#read} does
     */
    public ClassFacts facts(String className, byte[] bytes) {
        Read r = read.get(className);
        if (r == null || !Arrays.equals(r.bytes(), bytes)) {
            r = new Read(bytes.clone(), ClassFacts.read(bytes));
            read.put(className, r);
        }
        return r.facts();
    }

    /** Forgets the facts of every class but {@code classNames} (the classes of the attempt at hand). */
    public void keepFacts(Collection<String> classNames) {
        read.keySet().retainAll(classNames);
    }

    /**
     * Forgets what it found of {@code className}, as if that class had changed: the next check
     * checks it again, as an edit of it would be checked, and reuses the rest. For a warm-up's own
     * memory, which rehearses edits.
     */
    public void forget(String className) {
        if (passed.containsKey(className)) {
            Map<String, byte[]> kept = new HashMap<>(passed);
            kept.remove(className);
            passed = kept;
        }
    }

    /**
     * Scans {@code classes} (all the script classes of an attempt) and, if no violation is found,
     * instruments them, reusing what the last passing attempt found of the classes it shares.
     *
     * @throws BudgetInstrumenter.Failure if a class cannot be instrumented
     */
    public Outcome check(Map<String, byte[]> classes) {
        ScriptShapes shapes = new ScriptShapes(classes);
        int hostVersion = MemberTable.hostVersion();
        boolean sameShapes = shapes.sameAs(shapesBefore) && hostVersion == hostVersionBefore;
        Map<String, byte[]> fresh = new TreeMap<>();
        Map<String, byte[]> instrumented = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            byte[] before = passed.get(e.getKey());
            if (sameShapes && before != null && Arrays.equals(before, e.getValue())) {
                instrumented.put(e.getKey(), instrumentedBefore.get(e.getKey()));
            } else {
                fresh.put(e.getKey(), e.getValue());
            }
        }
        List<SandboxViolation> violations = SandboxScanner.scan(shapes, fresh, SandboxScanner.MAX_VIOLATIONS + 1);
        if (!violations.isEmpty()) {
            return new Outcome(violations, null, fresh.size());
        }
        instrumented.putAll(BudgetInstrumenter.instrument(shapes, fresh));
        shapesBefore = shapes;
        hostVersionBefore = hostVersion;
        passed = new HashMap<>(classes);
        instrumentedBefore = new HashMap<>(instrumented);
        return new Outcome(List.of(), instrumented, fresh.size());
    }
}
