package dev.pitstop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One {@code ./pitstop bench tune}: starts the engine headless on a copy of the demo's scripts,
 * sends {@code tune Chaser.SPEED V} over its standard input and follows its event log. A tune is
 * live at the first swap, once the tune is written (its {@code tuned} event), to a generation whose
 * build started (its {@code reload} event of phase {@code detected}) after the line was sent; tune to live is from
 * sending the line to that swap, both on this machine's wall clock. Driver thread only.
 */
final class TuneBench {

    private static final long PATIENCE_MILLIS = 30_000;

    /** @param warmUp tunes made first and thrown away: javac and the JIT warm up on them */
    record Settings(int entities, int single, int drag, long dragIntervalMillis, int warmUp, Path out) { }

    /** One tune: sent at {@code sent}; written at {@code tuned}; live at {@code live} (epoch ms, NaN until known). */
    private static final class Sent {
        final double sent;
        double tuned = Double.NaN;
        double live = Double.NaN;
        boolean failed;

        Sent(double sent) {
            this.sent = sent;
        }
    }

    private final Settings settings;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<Long, Double> detected = new HashMap<>();
    private EventFollower follower;
    private ChildJvm engine;
    private int value = 90;

    TuneBench(Settings settings, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    int call() throws IOException, InterruptedException, BenchFailure {
        Path dir = settings.out().toAbsolutePath().normalize();
        Path work = dir.resolve("work").resolve("tune");
        Path scripts = work.resolve("scripts");
        deleteTree(work);
        copyDemo(scripts);
        Path events = work.resolve("events.jsonl");
        int each = settings.entities() / 4;
        engine = ChildJvm.start(List.of(), ChildJvm.ENGINE_MAIN, List.of("run", "--headless", "--scripts",
                scripts.toString(), "--spawn", "Chaser=" + each, "--spawn", "Orbiter=" + each, "--spawn", "Sniper=" + each,
                "--spawn", "Swarm=" + each, "--events", events.toString(), "--stats-every", "600",
                // Tunes are timed once warm, where a daemon makes no difference; none is left behind.
                "--compile-daemon", "off"), work.resolve("engine.log"));
        follower = new EventFollower(events);
        try {
            awaitType("start");
            err.println("pitstop bench tune: warming up (" + settings.warmUp() + " tunes)");
            err.flush();
            runSingles(settings.warmUp());
            sent.clear();
            err.println("pitstop bench tune: " + settings.single() + " single tunes");
            err.flush();
            List<Sent> singles = runSingles(settings.single());
            sent.clear();
            err.println("pitstop bench tune: " + settings.drag() + " tunes in a row, one every "
                    + settings.dragIntervalMillis() + " ms");
            err.flush();
            List<Sent> drags = runInARow();
            report(dir, singles, drags);
            return 0;
        } finally {
            Integer exit = engine.quit(10_000);
            follower.close();
            if (exit == null || exit != 0) {
                err.println("pitstop bench tune: the engine ended with " + (exit == null ? "a kill" : "exit code " + exit)
                        + "; see " + work.resolve("engine.log"));
            }
        }
    }

    private List<Sent> runSingles(int count) throws IOException, InterruptedException, BenchFailure {
        List<Sent> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Sent s = send();
            done.add(s);
            long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            while (Double.isNaN(s.live) && !s.failed) {
                read(deadline);
            }
            Thread.sleep(300); // the game runs on, nothing is building: the next tune starts from rest
            read(0);
        }
        return done;
    }

    private List<Sent> runInARow() throws IOException, InterruptedException, BenchFailure {
        List<Sent> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < settings.drag(); i++) {
            long due = start + i * settings.dragIntervalMillis() * 1_000_000L;
            while (System.nanoTime() < due) {
                read(0);
                Thread.sleep(1);
            }
            done.add(send());
        }
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (done.stream().anyMatch(s -> Double.isNaN(s.live) && !s.failed)) {
            read(deadline);
        }
        return done;
    }

    private Sent send() throws IOException {
        value = value >= 150 ? 90 : value + 1;
        Instant now = Instant.now();
        Sent s = new Sent(now.getEpochSecond() * 1000.0 + now.getNano() / 1e6);
        sent.add(s);
        engine.send("tune Chaser.SPEED " + value);
        return s;
    }

    /** Reads what the engine wrote; waits a millisecond when there is nothing, up to {@code deadline} (0: no wait). */
    private void read(long deadline) throws IOException, InterruptedException, BenchFailure {
        List<LoggedEvent> events = follower.poll();
        for (LoggedEvent e : events) {
            take(e);
        }
        if (events.isEmpty() && deadline > 0) {
            if (!engine.alive()) {
                throw new BenchFailure("the engine stopped; see its log " + engine.log());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new BenchFailure("a tune did not go live within " + PATIENCE_MILLIS / 1000 + " s");
            }
            Thread.sleep(1);
        }
    }

    private void take(LoggedEvent e) {
        switch (e.type()) {
            case "tuned", "error" -> {
                for (Sent s : sent) {
                    if (Double.isNaN(s.tuned) && !s.failed) {
                        if (e.is("tuned")) {
                            s.tuned = e.epochMillis();
                        } else {
                            s.failed = true;
                            err.println("pitstop bench tune: " + e.json().path("message").asText());
                        }
                        break;
                    }
                }
            }
            case "reload" -> {
                if ("detected".equals(e.json().path("phase").asText())) {
                    detected.put(e.longField("generation"), e.epochMillis());
                }
            }
            case "swap" -> {
                // Live at the first swap built after the command was sent, once the tune is written.
                // Not "built after the tuned event": a save's build starts at its first file event,
                // which can come before the tuner has said it wrote, and a tune whose content that
                // build already carries asks for no other build.
                Double started = detected.get(e.longField("toGeneration"));
                if (started != null) {
                    for (Sent s : sent) {
                        if (Double.isNaN(s.live) && !Double.isNaN(s.tuned) && s.sent <= started) {
                            s.live = e.epochMillis();
                        }
                    }
                }
            }
            default -> { }
        }
    }

    private void awaitType(String type) throws IOException, InterruptedException, BenchFailure {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (true) {
            for (LoggedEvent e : follower.poll()) {
                if (e.is(type)) {
                    return;
                }
            }
            if (!engine.alive() || System.currentTimeMillis() > deadline) {
                throw new BenchFailure("the engine did not start; see its log " + engine.log());
            }
            Thread.sleep(5);
        }
    }

    private void report(Path dir, List<Sent> singles, List<Sent> drags) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        json.put("machine", Machine.describe());
        json.put("entities", settings.entities());
        json.put("dragIntervalMs", settings.dragIntervalMillis());
        json.put("warmUpTunes", settings.warmUp());
        StringBuilder md = new StringBuilder();
        md.append("| tunes | n | tune to live ms p50 / p99 / max | write to live ms p50 / p99 |\n");
        md.append("|---|---:|---:|---:|\n");
        json.put("single", row(md, "single (each waits for its swap)", singles));
        json.put("drag", row(md, "in a row, one every " + settings.dragIntervalMillis() + " ms", drags));
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("tune.json").toFile(), json);
        Files.writeString(dir.resolve("tune.md"), "Tune to live, " + settings.entities() + " enemies, "
                + Machine.describe() + "\n\n" + md);
        out.print(md);
        out.flush();
    }

    private static Map<String, Object> row(StringBuilder md, String name, List<Sent> tunes) {
        Distribution toLive = new Distribution();
        Distribution writeToLive = new Distribution();
        int failed = 0;
        for (Sent s : tunes) {
            if (s.failed) {
                failed++;
            } else {
                toLive.add(s.live - s.sent);
                writeToLive.add(s.live - s.tuned);
            }
        }
        md.append(String.format(Locale.ROOT, "| %s | %d | **%.1f** / %.1f / %.1f | %.1f / %.1f |%n", name,
                toLive.count(), toLive.percentile(50), toLive.percentile(99), toLive.max(), writeToLive.percentile(50),
                writeToLive.percentile(99)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", toLive.count());
        m.put("failed", failed);
        m.put("p50Ms", toLive.percentile(50));
        m.put("p99Ms", toLive.percentile(99));
        m.put("maxMs", toLive.max());
        m.put("writeToLiveP50Ms", writeToLive.percentile(50));
        m.put("writeToLiveP99Ms", writeToLive.percentile(99));
        return m;
    }

    private static void copyDemo(Path to) throws IOException {
        String home = System.getProperty("pitstop.home", ".");
        Path from = Path.of(home).resolve("game-scripts/src/main/java").toAbsolutePath().normalize();
        if (!Files.isDirectory(from)) {
            throw new IOException("no demo scripts at " + from + " (run it through ./pitstop)");
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
