package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.pitstop.events.Event;
import dev.pitstop.testing.Javac;
import dev.pitstop.testing.RunningEngine;
import dev.pitstop.testing.Scripts;
import dev.pitstop.testing.Stats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts that attack the game through the JDK, where the work budget's count cannot see: an
 * allocation whose size is a JDK method's argument, a JDK loop over a huge range, uncounted work
 * repeated in every cheap-looking update, callbacks the JDK makes without any script code, a heap
 * hoard grown one clone at a time, memory keys of 256 KiB. For every attack the requirement is:
 * <ul>
 * <li>it is stopped with a {@code fault} whose error ends {@code " at t/Name.java:LINE"}, or
 *     {@code rejected} with a diagnostic of that file and line, LINE being the line of the attacking
 *     call (the engine may refuse some outright, or stop them while they run);</li>
 * <li>the game keeps ticking: ticks go on after the attack was stopped (the longest stall is
 *     reported, not asserted: timing belongs in the benchmark);</li>
 * <li>the used heap of this JVM, where the engine runs, grows by at most 256 MiB while the attack
 *     runs (outside the young generation, sampled every few milliseconds, so that a transient
 *     gigabyte is seen while ordinary garbage is not) and after it (after {@code System.gc()});</li>
 * <li>the harmless {@code Good} behaviour keeps moving throughout, and once the attacker's file is
 *     fixed its fixed version goes live and moves.</li>
 * </ul>
 * Each test is one kind of attack, each attack a behaviour of its own driving a few entities. The
 * engine starts with harmless versions of them (so that a refusal is a {@code rejected} event, not a
 * failed start); then all attack versions are saved at once. An attack stopped or refused gets its
 * fixed version saved at once, which also builds the remaining attacks again should a rollback have
 * taken them out. The shadow run is off, as in {@link HostileScriptsTest}: the attack must be
 * contained where the game runs, and a script can always wait past a shadow run before attacking.
 *
 * <p>An engine that does not contain an attack would freeze or flood this JVM, so every case gives
 * up after {@link #STOP_PATIENCE}, fails at once when the heap grows past the limit, and then stops
 * the engine, by force if it is stuck in a JDK call. Set {@code -Dpitstop.attacks=Name,Name} to run
 * only those attacks (their cases skip the others), to look at one at a time.
 */
class JdkContainmentTest {

    /** How much the heap may grow during an attack and after it. */
    static final long HEAP_GROWTH_LIMIT_BYTES = 256L << 20;

    /** How long a case waits for its attacks to be stopped, and for ticks after that, before it fails. */
    static final Duration STOP_PATIENCE = Duration.ofSeconds(20);

    static final float GOOD_SPEED = 3f;
    static final float CALM_SPEED = 1f;
    static final float FIXED_SPEED = 2f;

    /** Lists the attacks to run, by behaviour name, comma-separated; unset runs them all. */
    static final String ONLY_PROPERTY = "pitstop.attacks";

    @TempDir
    Path dir;

    /**
     * One attacking behaviour: {@code statics} are members of its class, {@code body} its update
     * (the attacking call and then a velocity that uses the call's result, so that no compiler may
     * drop the call), {@code marker} text found only on the attacking call's line.
     */
    record Attack(String name, int entities, String statics, String body, String marker) {

        String file() {
            return "t/" + name + ".java";
        }

        String attackSource() {
            return source(name, statics, body);
        }

        /** A version that moves along x at {@code speed} and does nothing else. */
        String harmless(float speed) {
            return source(name, "", "self.setVelocity(" + speed + "f, 0f);");
        }

        int line() {
            return Javac.lineOf(attackSource(), marker);
        }
    }

    static String source(String name, String statics, String body) {
        StringBuilder sb = new StringBuilder("""
                package t;

                import dev.pitstop.api.*;
                import java.util.*;
                import java.util.function.*;
                import java.util.stream.*;

                """);
        sb.append("public class ").append(name).append(" implements Behaviour {\n");
        if (!statics.isBlank()) {
            sb.append(statics.stripTrailing().indent(4)).append('\n');
        }
        sb.append("    @Override\n    public void update(Agent self, World world) {\n");
        sb.append(body.stripTrailing().indent(8));
        sb.append("    }\n}\n");
        return sb.toString();
    }

    static final String GOOD = source("Good", "", "self.setVelocity(" + GOOD_SPEED + "f, 0f);");

    // ---------------------------------------------------------------------------------------------
    // The attacks, by kind.

    static final Attack[] ALLOCATION = {
        new Attack("AllocRepeat", 3, "", """
                String s = "x".repeat(1_500_000_000);
                self.setVelocity(s.isEmpty() ? 0f : 4f, 0f);
                """, "\"x\".repeat(1_500_000_000)"),
        new Attack("AllocCopyOf", 3, "", """
                long[] grown = Arrays.copyOf(new long[1], 250_000_000);
                self.setVelocity(grown.length > 0 ? 4f : 0f, 0f);
                """, "Arrays.copyOf(new long[1], 250_000_000)"),
        new Attack("AllocList", 3, "", """
                List<Agent> list = new ArrayList<>(400_000_000);
                list.add(self);
                self.setVelocity(list.size() * 4f, 0f);
                """, "new ArrayList<>(400_000_000)"),
        new Attack("AllocBuilder", 3, "", """
                StringBuilder sb = new StringBuilder(1_000_000_000);
                sb.append('x');
                self.setVelocity(sb.length() * 4f, 0f);
                """, "new StringBuilder(1_000_000_000)"),
        // The table is made by the first put, not by the constructor: both on one line.
        new Attack("AllocMap", 3, "", """
                Map<Integer, Agent> byId = new HashMap<>(300_000_000); byId.put(self.id(), self);
                self.setVelocity(byId.size() * 4f, 0f);
                """, "new HashMap<>(300_000_000)"),
        // The loop on one line: the concatenation that allocates and the back-edge are one line.
        new Attack("AllocDoubling", 3, "", """
                String s = "x";
                for (int i = 0; i < 30; i++) s = s + s;
                self.setVelocity(s.isEmpty() ? 0f : 4f, 0f);
                """, "s = s + s"),
        new Attack("AllocNCopies", 3, "", """
                Object[] all = Collections.nCopies(1_000_000_000, "x").toArray();
                self.setVelocity(all.length > 0 ? 4f : 0f, 0f);
                """, "Collections.nCopies(1_000_000_000, \"x\").toArray()"),
    };

    static final Attack[] HUGE_RANGE = {
        new Attack("RangeLongSum", 3, "", """
                long sum = LongStream.range(0, Long.MAX_VALUE).sum();
                self.setVelocity(sum != 0 ? 4f : 0f, 0f);
                """, "LongStream.range(0, Long.MAX_VALUE).sum()"),
        // Not count() alone: the JDK answers that from the range's size without a loop.
        new Attack("RangeIntCount", 3, "", """
                long letters = IntStream.range(0, Integer.MAX_VALUE).filter(Character::isLetter).count();
                self.setVelocity(letters > 0 ? 4f : 0f, 0f);
                """, "IntStream.range(0, Integer.MAX_VALUE).filter(Character::isLetter).count()"),
        // The filter hides the size, which would otherwise make toList() refuse at once.
        new Attack("RangeBoxedList", 3, "", """
                List<Integer> all = IntStream.range(0, Integer.MAX_VALUE).boxed().filter(Objects::nonNull).toList();
                self.setVelocity(all.isEmpty() ? 0f : 4f, 0f);
                """, "IntStream.range(0, Integer.MAX_VALUE).boxed()"),
        // A million-element array paid for once, filled 500 times per update: 500 counted units.
        new Attack("RangeFill", 3, """
                static final long[] PAID = new long[1_000_000];
                """, """
                for (int k = 0; k < 500; k++) Arrays.fill(PAID, k);
                self.setVelocity(PAID[0] >= 0 ? 4f : 0f, 0f);
                """, "Arrays.fill(PAID, k)"),
    };

    static final Attack[] RESORT = {
        new Attack("ResortInts", 100, """
                static final int[] PAID = IntStream.range(0, 100_000).map(Integer::reverse).toArray();
                static final int[] SCRATCH = new int[PAID.length];
                """, """
                System.arraycopy(PAID, 0, SCRATCH, 0, PAID.length);
                Arrays.sort(SCRATCH);
                self.setVelocity(SCRATCH[0] <= SCRATCH[1] ? 4f : 0f, 0f);
                """, "Arrays.sort(SCRATCH);"),
        new Attack("ResortBoxed", 100, """
                static final Integer[] PAID = IntStream.range(0, 100_000).map(Integer::reverse).boxed().toArray(Integer[]::new);
                """, """
                Integer[] copy = Arrays.copyOf(PAID, PAID.length);
                Arrays.sort(copy);
                self.setVelocity(copy[0] <= copy[1] ? 4f : 0f, 0f);
                """, "Arrays.sort(copy);"),
    };

    static final Attack[] INFINITE_STREAM = {
        new Attack("InfiniteGenerate", 3, "", """
                boolean found = Stream.generate(Object::new).anyMatch(Objects::isNull);
                self.setVelocity(found ? 0f : 4f, 0f);
                """, "Stream.generate(Object::new).anyMatch(Objects::isNull)"),
        new Attack("InfiniteIterate", 3, "", """
                Optional<Integer> first = Stream.iterate(0, i -> i + 1).filter(i -> i < 0).findFirst();
                self.setVelocity(first.isPresent() ? 4f : 0f, 0f);
                """, "Stream.iterate(0, i -> i + 1).filter(i -> i < 0).findFirst()"),
        new Attack("InfiniteIdentity", 3, "", """
                boolean empty = Stream.iterate("x", UnaryOperator.identity()).anyMatch(String::isEmpty);
                self.setVelocity(empty ? 0f : 4f, 0f);
                """, "Stream.iterate(\"x\", UnaryOperator.identity()).anyMatch(String::isEmpty)"),
    };

    static final Attack[] HOARD = {
        new Attack("HoardClone", 3, """
                static final long[] BIG = new long[1_000_000];
                static final List<long[]> HOARD = new ArrayList<>();
                """, """
                HOARD.add(BIG.clone());
                self.setVelocity(HOARD.isEmpty() ? 0f : 4f, 0f);
                """, "HOARD.add(BIG.clone());"),
        new Attack("HoardBuilder", 3, """
                static final String CHUNK = "x".repeat(1_000_000);
                static final StringBuilder GROWING = new StringBuilder();
                """, """
                GROWING.append(CHUNK);
                self.setVelocity(GROWING.length() > 0 ? 4f : 0f, 0f);
                """, "GROWING.append(CHUNK);"),
    };

    /** 64 keys of 256 KiB an entity: 16 MiB each, held by the engine, compared in full on every lookup. */
    static final Attack[] MEMORY_KEYS = {
        new Attack("MemoryKeys", 20, """
                static final String STEM = "k".repeat(262_140);
                """, """
                for (int i = 0; i < 64; i++) self.memory().putInt(STEM + i, i);
                self.setVelocity(4f, 0f);
                """, "self.memory().putInt(STEM + i, i)"),
    };

    /** Two strings of a million characters that differ in the last: comparing them reads both. */
    static final String HUGE_STRINGS = """
            static final String BIG = "x".repeat(1_000_000);
            static final String NEAR = "x".repeat(999_999) + "y";
            static final String[] SAME = new String[20_000];
            static final String[] MIXED = new String[10_000];

            static {
                Arrays.fill(SAME, BIG);
                for (int i = 0; i < MIXED.length; i++) {
                    MIXED[i] = i % 2 == 0 ? BIG : NEAR;
                }
            }
            """;

    static final Attack[] LONG_CALL = {
        new Attack("LongSort", 3, HUGE_STRINGS, """
                String[] copy = MIXED.clone();
                Arrays.sort(copy);
                self.setVelocity(copy[0] == BIG ? 4f : 0f, 0f);
                """, "Arrays.sort(copy);"),
        new Attack("LongEquals", 3, HUGE_STRINGS, """
                int at = Arrays.asList(SAME).indexOf(NEAR);
                self.setVelocity(at < 0 ? 4f : 0f, 0f);
                """, "Arrays.asList(SAME).indexOf(NEAR)"),
        new Attack("LongJoin", 3, HUGE_STRINGS, """
                String joined = String.join(",", Arrays.asList(SAME).subList(0, 1_000));
                self.setVelocity(joined.isEmpty() ? 0f : 4f, 0f);
                """, "String.join(\",\", Arrays.asList(SAME).subList(0, 1_000))"),
    };

    static final Attack[] JDK_CALLBACKS = {
        new Attack("CallbackNaturalOrder", 3, "", """
                List<Integer> sorted = IntStream.range(0, 1_000_000).map(Integer::reverse).boxed().sorted(Comparator.naturalOrder()).toList();
                self.setVelocity(sorted.get(0) <= sorted.get(1) ? 4f : 0f, 0f);
                """, "sorted(Comparator.naturalOrder())"),
        new Attack("CallbackIdentity", 3, "", """
                long none = Collections.nCopies(1_000_000_000, "x").stream().map(Function.identity()).filter(Objects::isNull).count();
                self.setVelocity(none == 0 ? 4f : 0f, 0f);
                """, "map(Function.identity())"),
    };

    // ---------------------------------------------------------------------------------------------
    // The cases.

    @Test
    void jdkAllocationFromASize(TestReporter reporter) throws Exception {
        run("JDK allocation from a size", reporter, ALLOCATION);
    }

    @Test
    void jdkLoopOverAHugeRange(TestReporter reporter) throws Exception {
        run("JDK loop over a huge range", reporter, HUGE_RANGE);
    }

    @Test
    void resortingAPaidForArrayInEveryUpdate(TestReporter reporter) throws Exception {
        run("re-sorting a paid-for array", reporter, RESORT);
    }

    @Test
    void methodReferencesInAnInfiniteStream(TestReporter reporter) throws Exception {
        run("method references in an infinite stream", reporter, INFINITE_STREAM);
    }

    @Test
    void cloneHoarding(TestReporter reporter) throws Exception {
        run("hoarding", reporter, HOARD);
    }

    @Test
    void hugeMemoryKeys(TestReporter reporter) throws Exception {
        run("huge Memory keys", reporter, MEMORY_KEYS);
    }

    @Test
    void aLongJdkCallInAShortUpdate(TestReporter reporter) throws Exception {
        run("a long JDK call in a short update", reporter, LONG_CALL);
    }

    @Test
    void callbacksTheJdkMakesWithNoScriptCode(TestReporter reporter) throws Exception {
        run("JDK callbacks with no script code", reporter, JDK_CALLBACKS);
    }

    /** Cheap, no engine: every attack compiles as written and its marker is on one line only. */
    @Test
    void everyAttackCompilesAndItsMarkerNamesOneLine() {
        Map<String, String> sources = new TreeMap<>();
        for (Attack[] kind : List.of(ALLOCATION, HUGE_RANGE, RESORT, INFINITE_STREAM, HOARD, MEMORY_KEYS, LONG_CALL,
                JDK_CALLBACKS)) {
            for (Attack a : kind) {
                String text = a.attackSource();
                long lines = text.lines().filter(l -> l.contains(a.marker())).count();
                assertEquals(1, lines, a.name() + ": the marker must be on exactly one line");
                assertTrue(sources.put(a.file(), text) == null, a.name() + " is named twice");
            }
        }
        sources.put("t/Good.java", GOOD);
        Javac.compile(sources);
    }

    // ---------------------------------------------------------------------------------------------
    // The runner.

    private void run(String kind, TestReporter reporter, Attack... all) throws Exception {
        List<Attack> attacks = selected(all);
        assumeFalse(attacks.isEmpty(), "none of " + names(List.of(all)) + " is in -D" + ONLY_PROPERTY);
        Scripts.write(dir, "t/Good.java", GOOD);
        List<String> args = new ArrayList<>(List.of("--scripts", dir.toString(), "--spawn", "Good=4"));
        for (Attack a : attacks) {
            Scripts.write(dir, a.file(), a.harmless(CALM_SPEED));
            args.addAll(List.of("--spawn", a.name() + "=" + a.entities()));
        }
        args.addAll(List.of("--stats-every", "10", "--shadow-ticks", "0", "--tick-events"));

        Report report = new Report(kind, attacks);
        List<String> problems = new ArrayList<>();
        Set<Thread> before = engineThreads();
        RunningEngine e = RunningEngine.headless(args.toArray(String[]::new));
        Thread game = engineThreads().stream().filter(t -> !before.contains(t)).findFirst().orElse(null);
        HeapWatch heap = new HeapWatch(Thread.currentThread());
        try {
            e.await(0, ev -> ev.type().equals("stats") && movingAt(ev, attacks, CALM_SPEED),
                    "stats with every behaviour at its calm speed");
            heap.start();
            report.attackMark = e.mark();
            report.attackWallMillis = System.currentTimeMillis();
            for (Attack a : attacks) {
                Scripts.write(dir, a.file(), a.attackSource());
            }
            long lastStop = awaitEveryAttackStopped(e, attacks, report);
            e.await(report.attackMark, ev -> ev.type().equals("tick") && ev.tick() > lastStop + 30,
                    "ticks after the attacks were stopped", STOP_PATIENCE);
            Event fixed = e.await(report.attackMark, ev -> ev.type().equals("stats") && ev.tick() > lastStop
                    && movingAt(ev, attacks, FIXED_SPEED), "stats with every fixed version live and moving", STOP_PATIENCE);
            report.stallMillis = longestStallMillis(e, report);
            heap.close();
            report.peakGrowth = heap.peakGrowth();
            report.growthAfter = heap.growthAfterGc();

            problems.addAll(report.wrong.values());
            List<Event> goodFaults = e.events("fault").stream().filter(f -> "Good".equals(f.get("behaviour"))).toList();
            if (!goodFaults.isEmpty()) {
                problems.add("Good faulted: " + goodFaults.get(0));
            }
            List<Event> since = e.events().subList(report.attackMark, indexOf(e, fixed, report.attackMark) + 1);
            for (Event s : since) {
                if (s.type().equals("stats") && (Stats.behaviour(s, "Good") == null
                        || Math.abs(Stats.meanSpeed(s, "Good") - GOOD_SPEED) > 1e-4)) {
                    problems.add("Good stopped moving at tick " + s.tick());
                    break;
                }
            }
            if (report.peakGrowth > HEAP_GROWTH_LIMIT_BYTES) {
                problems.add("the heap grew by " + mib(report.peakGrowth) + " while the attacks ran");
            }
            if (report.growthAfter > HEAP_GROWTH_LIMIT_BYTES) {
                problems.add("the heap stayed " + mib(report.growthAfter) + " larger after the attacks");
            }
        } catch (AssertionError | Exception t) {
            String alarm = heap.alarm();
            if (alarm == null && !(t instanceof AssertionError)) {
                throw t;
            }
            problems.add(alarm != null ? alarm : firstLine(String.valueOf(t.getMessage())));
        } finally {
            Thread.interrupted(); // the heap alarm's, if it rang
            heap.close();
            if (report.stallMillis < 0 && report.attackMark >= 0) {
                report.stallMillis = longestStallMillis(e, report);
            }
            if (report.peakGrowth < 0) {
                report.peakGrowth = heap.peakGrowth();
            }
            report.engine = shutDown(e, game);
            String line = report.line();
            System.out.println("[containment] " + line);
            reporter.publishEntry(kind, line);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(kind + ": " + String.join("; ", problems) + "\n  " + report.line());
        }
    }

    /**
     * Waits for a fault or a rejection of each attack and checks it names the attacking line; saves
     * the fixed version of each attack as soon as it is stopped.
     *
     * @return the tick of the last fault or rejection
     */
    private long awaitEveryAttackStopped(RunningEngine e, List<Attack> attacks, Report report) throws IOException {
        Map<String, Attack> pending = new LinkedHashMap<>();
        attacks.forEach(a -> pending.put(a.name(), a));
        long deadline = System.nanoTime() + STOP_PATIENCE.toNanos();
        int next = report.attackMark;
        long lastTick = 0;
        Predicate<Event> stopped = ev -> ev.type().equals("fault") && pending.containsKey(ev.get("behaviour"))
                || ev.type().equals("rejected") && !"superseded".equals(ev.get("reason"));
        while (!pending.isEmpty()) {
            Event ev;
            try {
                ev = e.await(next, stopped, "a fault or rejection", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (AssertionError timeout) {
                pending.keySet().forEach(n -> report.outcome.put(n, "NOT STOPPED"));
                throw new AssertionError("not stopped within " + STOP_PATIENCE.toSeconds() + " s: " + pending.keySet()
                        + "; the last tick was " + lastTickSeen(e)
                        + (String.valueOf(timeout.getMessage()).contains("interrupted") ? " (interrupted)" : ""));
            }
            next = indexOf(e, ev, next) + 1;
            lastTick = Math.max(lastTick, ev.tick());
            List<Attack> handled = new ArrayList<>();
            if (ev.type().equals("fault")) {
                Attack a = pending.get(String.valueOf(ev.get("behaviour")));
                String error = String.valueOf(ev.get("error"));
                String where = " at " + a.file() + ":" + a.line();
                if (error.endsWith(where)) {
                    report.outcome.put(a.name(), "fault at line " + a.line() + ", tick " + ev.tick());
                } else {
                    report.outcome.put(a.name(), "fault elsewhere");
                    report.wrong.put(a.name(), a.name() + "'s fault should end '" + where + "': " + error);
                }
                handled.add(a);
            } else {
                List<Map<String, Object>> diagnostics = HotReloadTest.diagnostics(ev);
                for (Attack a : pending.values()) {
                    List<Map<String, Object>> mine = diagnostics.stream().filter(d -> a.file().equals(d.get("file"))).toList();
                    if (mine.isEmpty()) {
                        continue;
                    }
                    if (mine.stream().anyMatch(d -> ((Number) d.get("line")).longValue() == a.line())) {
                        report.outcome.put(a.name(), "rejected (" + ev.get("reason") + ") at line " + a.line());
                    } else {
                        report.outcome.put(a.name(), "rejected elsewhere");
                        report.wrong.put(a.name(), a.name() + "'s rejection should name " + a.file() + ":" + a.line()
                                + ": " + mine);
                    }
                    handled.add(a);
                }
                if (handled.isEmpty()) {
                    throw new AssertionError("a rejection that names none of " + pending.keySet() + ": " + ev);
                }
            }
            for (Attack a : handled) {
                pending.remove(a.name());
                Scripts.write(dir, a.file(), a.harmless(FIXED_SPEED));
            }
        }
        return lastTick;
    }

    private static boolean movingAt(Event stats, List<Attack> attacks, float speed) {
        if (Stats.behaviour(stats, "Good") == null || Math.abs(Stats.meanSpeed(stats, "Good") - GOOD_SPEED) > 1e-4) {
            return false;
        }
        for (Attack a : attacks) {
            if (Stats.behaviour(stats, a.name()) == null || Math.abs(Stats.meanSpeed(stats, a.name()) - speed) > 1e-4) {
                return false;
            }
        }
        return true;
    }

    private static List<Attack> selected(Attack[] all) {
        String only = System.getProperty(ONLY_PROPERTY, "").strip();
        if (only.isEmpty()) {
            return List.of(all);
        }
        Set<String> names = Arrays.stream(only.split(",")).map(String::strip).collect(Collectors.toSet());
        return Arrays.stream(all).filter(a -> names.contains(a.name())).toList();
    }

    private static List<String> names(List<Attack> attacks) {
        return attacks.stream().map(Attack::name).toList();
    }

    private static int indexOf(RunningEngine e, Event ev, int from) {
        List<Event> all = e.events();
        for (int i = from; i < all.size(); i++) {
            if (all.get(i) == ev) {
                return i;
            }
        }
        throw new IllegalStateException("event not found: " + ev);
    }

    private static final Pattern WALL_CLOCK = Pattern.compile("\"t\":([0-9.]+)");

    /** The wall-clock time an event was made, in epoch milliseconds. */
    static double wallMillis(Event e) {
        Matcher m = WALL_CLOCK.matcher(e.toJson());
        if (!m.find()) {
            throw new IllegalStateException("no time in " + e);
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * The longest wall-clock time between two ticks since the attacks were saved, counting the time
     * since the last tick up to now (a game stuck for good has no next tick).
     */
    private static double longestStallMillis(RunningEngine e, Report report) {
        List<Event> all = e.events();
        double previous = report.attackWallMillis;
        double longest = 0;
        for (Event ev : all.subList(Math.min(report.attackMark, all.size()), all.size())) {
            if (ev.type().equals("tick")) {
                double t = wallMillis(ev);
                if (t - previous > longest) {
                    longest = t - previous;
                    report.stallTick = ev.tick();
                }
                previous = t;
            }
        }
        double open = System.currentTimeMillis() - previous;
        if (open > longest) {
            longest = open;
            report.stallTick = -1;
        }
        return longest;
    }

    private static String lastTickSeen(RunningEngine e) {
        List<Event> ticks = e.events("tick");
        if (ticks.isEmpty()) {
            return "none";
        }
        Event last = ticks.get(ticks.size() - 1);
        return last.tick() + ", " + Math.round(System.currentTimeMillis() - wallMillis(last)) + " ms ago";
    }

    private static Set<Thread> engineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("test-engine"))
                .collect(Collectors.toSet());
    }

    /**
     * Quits the engine; if its game thread is stuck in a JDK call (an attack that was not
     * contained), stops that call by force, since nothing else can end it in this JVM and left
     * alone it would run on through every later test. Says how the engine ended.
     */
    @SuppressWarnings("removal")
    private static String shutDown(RunningEngine e, Thread game) {
        try {
            e.send("quit");
        } catch (IOException ignored) {
            // the engine ended already
        }
        String how = "quit";
        if (game == null) {
            return closed(e, "game thread not found");
        }
        try {
            game.join(TimeUnit.SECONDS.toMillis(5));
            for (int forced = 1; game.isAlive() && forced <= 60; forced++) {
                game.stop(); // each lands in one stuck update, which the engine counts as a fault
                how = "did not quit within 5 s: stopped by force " + forced + "x";
                game.join(500);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException ex) {
            how = "stuck: cannot be stopped on this JDK";
        }
        return game.isAlive() ? how + ", left running" : closed(e, how);
    }

    private static String closed(RunningEngine e, String how) {
        try {
            e.close();
            return how;
        } catch (IOException | AssertionError ex) {
            return how + " (" + firstLine(String.valueOf(ex.getMessage())) + ")";
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String mib(long bytes) {
        return (bytes < 0 ? "-" : "+") + Math.abs(bytes >> 20) + " MiB";
    }

    /** What happened in one case, for its report line. */
    static final class Report {
        final String kind;
        final Map<String, String> outcome = new LinkedHashMap<>();
        final Map<String, String> wrong = new LinkedHashMap<>();
        int attackMark = -1;
        double attackWallMillis;
        double stallMillis = -1;
        long stallTick;
        long peakGrowth = -1;
        long growthAfter = Long.MIN_VALUE;
        String engine = "";

        Report(String kind, List<Attack> attacks) {
            this.kind = kind;
            attacks.forEach(a -> outcome.put(a.name(), "no answer"));
        }

        String line() {
            StringBuilder sb = new StringBuilder(kind).append(": ");
            sb.append(outcome.entrySet().stream().map(x -> x.getKey() + " " + x.getValue())
                    .collect(Collectors.joining(", ")));
            sb.append(" | longest stall ").append(stallMillis < 0 ? "?" : Math.round(stallMillis) + " ms");
            sb.append(stallTick < 0 ? " (still stalled)" : stallTick > 0 ? " (before tick " + stallTick + ")" : "");
            sb.append(" | heap ").append(peakGrowth < 0 ? "?" : mib(peakGrowth)).append(" at most while attacked, ");
            sb.append(growthAfter == Long.MIN_VALUE ? "?" : mib(growthAfter)).append(" after");
            sb.append(" | engine ").append(engine);
            return sb.toString();
        }
    }

    /**
     * The heap of this JVM, where the engine runs: the used heap after {@code System.gc()} before
     * the attack, the most used outside the young generation while it runs (sampled every few
     * milliseconds: young garbage comes and goes whatever scripts do, while anything large, a
     * humongous array or a hoard, lands outside it), and the used heap after {@code System.gc()}
     * at the end. Past the limit it interrupts the test thread, so that the case fails at once.
     */
    static final class HeapWatch implements AutoCloseable {

        private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

        private final Thread test;
        private final List<MemoryPoolMXBean> held;
        private volatile boolean on;
        private volatile long peakHeld;
        private volatile String alarm;
        private Thread sampler;
        private long baselineUsed;
        private long baselineHeld;

        HeapWatch(Thread test) {
            this.test = test;
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            List<MemoryPoolMXBean> old = heapPools.stream().filter(p -> !p.getName().contains("Eden")
                    && !p.getName().contains("Survivor") && !p.getName().contains("Young")).toList();
            this.held = old.isEmpty() ? heapPools : old; // a collector with one pool: all of it
        }

        void start() {
            System.gc();
            baselineUsed = used();
            baselineHeld = held();
            peakHeld = baselineHeld;
            on = true;
            sampler = new Thread(this::sample, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            while (on) {
                long h = held();
                if (h > peakHeld) {
                    peakHeld = h;
                }
                if (alarm == null && h - baselineHeld > HEAP_GROWTH_LIMIT_BYTES) {
                    alarm = "the heap grew by " + mib(h - baselineHeld) + " while the attacks ran (stopped there)";
                    test.interrupt();
                }
                LockSupport.parkNanos(SAMPLE_NANOS);
            }
        }

        String alarm() {
            return alarm;
        }

        long peakGrowth() {
            return sampler == null ? 0 : peakHeld - baselineHeld;
        }

        long growthAfterGc() {
            System.gc();
            return used() - baselineUsed;
        }

        private long held() {
            long sum = 0;
            for (MemoryPoolMXBean p : held) {
                sum += p.getUsage().getUsed();
            }
            return sum;
        }

        private static long used() {
            Runtime rt = Runtime.getRuntime();
            return rt.totalMemory() - rt.freeMemory();
        }

        @Override
        public void close() {
            on = false;
            if (sampler != null) {
                try {
                    sampler.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
