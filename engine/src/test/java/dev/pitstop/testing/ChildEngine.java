package dev.pitstop.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.app.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An engine in a JVM of its own, started with the JVM options {@code ./pitstop} gives for the same
 * arguments (its dry run) and this test run's class path, writing its event log to a file the test
 * reads. Closing it kills the JVM. The test thread.
 */
public final class ChildEngine implements AutoCloseable {

    private final Process process;
    private final Path events;
    private final Path output;
    private final ObjectMapper json = new ObjectMapper();

    private ChildEngine(Process process, Path events, Path output) {
        this.process = process;
        this.events = events;
        this.output = output;
    }

    /**
     * Starts {@code run --headless --events DIR/events.jsonl ARGS}; its stdout and stderr go to
     * DIR/output.txt.
     */
    public static ChildEngine run(Path dir, String... args) throws IOException, InterruptedException {
        return run(List.of(), dir, args);
    }

    /** As {@link #run(Path, String...)}, with {@code jvmOptions} after the launcher's. */
    public static ChildEngine run(List<String> jvmOptions, Path dir, String... args)
            throws IOException, InterruptedException {
        Path events = dir.resolve("events.jsonl");
        List<String> engineArgs = new ArrayList<>(List.of("run", "--headless", "--events", events.toString()));
        engineArgs.addAll(List.of(args));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(LauncherDryRun.of(engineArgs.toArray(new String[0])).jvmOptions());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(engineArgs);
        Path output = dir.resolve("output.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        return new ChildEngine(p, events, output);
    }

    /** Every complete line of the event log so far (the writer may be mid-line on the last). */
    public List<JsonNode> events() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        if (!Files.exists(events)) {
            return all;
        }
        for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
            try {
                all.add(json.readTree(line));
            } catch (JsonProcessingException halfWritten) {
                break;
            }
        }
        return all;
    }

    public List<JsonNode> events(String type) throws IOException {
        return events().stream().filter(e -> e.get("type").asText().equals(type)).toList();
    }

    /** The first event that matches, waiting up to {@link RunningEngine#PATIENCE}. */
    public JsonNode await(Predicate<JsonNode> matches, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RunningEngine.PATIENCE.toNanos();
        while (true) {
            for (JsonNode e : events()) {
                if (matches.test(e)) {
                    return e;
                }
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("no " + what + "; alive " + process.isAlive() + "\n" + describe());
            }
            Thread.sleep(20); // another process's file: nothing to wait on
        }
    }

    /** The first stats event of a tick at or past {@code tick}. */
    public JsonNode awaitTick(long tick) throws IOException, InterruptedException {
        return await(e -> e.get("type").asText().equals("stats") && e.get("tick").asLong() >= tick,
                "stats at tick " + tick + " or later");
    }

    /** The highest tick in the log so far. */
    public long lastTick() throws IOException {
        long tick = 0;
        for (JsonNode e : events()) {
            tick = Math.max(tick, e.path("tick").asLong());
        }
        return tick;
    }

    public long pid() {
        return process.pid();
    }

    /** The end of the event log and the JVM's output, for failure messages. */
    public String describe() throws IOException {
        List<JsonNode> all = events();
        StringBuilder sb = new StringBuilder("events (the last 60):\n");
        for (JsonNode e : all.subList(Math.max(0, all.size() - 60), all.size())) {
            sb.append(e).append('\n');
        }
        sb.append("output:\n").append(Files.exists(output) ? Files.readString(output) : "");
        return sb.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
