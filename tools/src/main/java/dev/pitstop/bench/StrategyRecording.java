package dev.pitstop.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one strategy's run left behind: every tick (from {@code tick} events), every {@code stats}
 * event, and each edit with when it was written and when its code went live. Filled by the driver
 * thread from the game's event log; read by the analysis afterwards.
 */
final class StrategyRecording {

    /** One tick of the game: its number, which game process and code generation ran it, how long it took. */
    record Tick(long tick, int process, int generation, long tickNanos, double endEpochMillis) {

        double tickMillis() {
            return tickNanos / 1e6;
        }

        double startEpochMillis() {
            return endEpochMillis - tickMillis();
        }
    }

    /** A behaviour's line of a {@code stats} event. */
    record BehaviourStats(long count, double meanSpeed, double cx, double cy) { }

    /** A {@code stats} event: after tick {@code tick} of process {@code process}. */
    record Stats(long tick, int process, Map<String, BehaviourStats> behaviours) { }

    /**
     * How an edit was paced: {@code PERSON} for the first saves after the start, a few seconds
     * apart as a person tweaking a script saves; {@code QUICK} for the edits that follow one after
     * the other, each after the last one's tail (the warm state).
     */
    enum Pace { PERSON, QUICK }

    /**
     * One edit and when its code went live.
     *
     * @param swapTick     the first tick that ran the new code
     * @param pauseMicros  how long the game thread stood still for the swap (NaN until known)
     * @param generation   the generation that made it live (0 where the strategy has none)
     */
    record Edit(int number, Pace pace, String behaviour, float newSpeed, double writeEpochMillis,
            double liveEpochMillis, long swapTick, double pauseMicros, int generation) {

        double editToLiveMillis() {
            return liveEpochMillis - writeEpochMillis;
        }

        Edit withPauseMicros(double micros) {
            return new Edit(number, pace, behaviour, newSpeed, writeEpochMillis, liveEpochMillis, swapTick, micros,
                    generation);
        }
    }

    /** The reload phases the engine reports ({@code reload} events), in pipeline order, as the report names them. */
    static final java.util.List<String> RELOAD_PHASES = java.util.List.of("detected", "compiled", "verified", "loaded",
            "shadow");

    final String strategy;
    final List<Tick> ticks = new ArrayList<>();
    final List<Stats> stats = new ArrayList<>();
    final List<Edit> edits = new ArrayList<>();
    /** Generation → reload phase → milliseconds, from the engine's {@code reload} events (the last attempt of a number wins). */
    final Map<Integer, Map<String, Double>> reloadPhases = new HashMap<>();
    private final Map<Long, Integer> tickIndex = new HashMap<>();
    /** Game processes seen so far (a {@code start} event each). */
    int processes;
    /** Whether the strategy's pause falls between ticks, so that it adds to the swap tick's time. */
    boolean pauseBetweenTicks;
    /** When the first game started, and when it said its reload path was warm ({@code warmed}; NaN if it never did). */
    double startEpochMillis = Double.NaN;
    double warmedEpochMillis = Double.NaN;
    /** Ticks at the start of the run left out of the steady state: the first JVM's JIT warm-up. */
    long warmupTicks;
    /** How the first game compiled (its start event's {@code compileDaemon}), null if it did not say. */
    String compileDaemon;
    /**
     * The saves after the game was quit and started again, at a person's pace as after the first
     * start (empty if the strategy does not restart), the first one's reload phases, and how the
     * restarted game compiled.
     */
    final List<Edit> restartSaves = new ArrayList<>();
    Map<String, Double> restartPhases = Map.of();
    String restartCompileDaemon;

    StrategyRecording(String strategy) {
        this.strategy = strategy;
    }

    void accept(LoggedEvent e) {
        switch (e.type()) {
            case "start" -> {
                processes++;
                if (processes == 1) {
                    startEpochMillis = e.epochMillis();
                    compileDaemon = e.json().path("compileDaemon").asText(null);
                }
            }
            case "warmed" -> {
                if (processes == 1 && Double.isNaN(warmedEpochMillis)) {
                    warmedEpochMillis = e.epochMillis();
                }
            }
            case "tick" -> {
                tickIndex.putIfAbsent(e.tick(), ticks.size());
                ticks.add(new Tick(e.tick(), processes, (int) e.longField("generation"), e.longField("tickNanos"),
                        e.epochMillis()));
            }
            case "stats" -> {
                Map<String, BehaviourStats> b = new LinkedHashMap<>();
                e.json().path("behaviours").fields().forEachRemaining(f -> b.put(f.getKey(), new BehaviourStats(
                        f.getValue().path("count").asLong(), f.getValue().path("meanSpeed").asDouble(),
                        f.getValue().path("cx").asDouble(), f.getValue().path("cy").asDouble())));
                stats.add(new Stats(e.tick(), processes, b));
            }
            case "reload" -> reloadPhases.computeIfAbsent((int) e.longField("generation"), g -> new LinkedHashMap<>())
                    .put(e.json().path("phase").asText(), e.doubleField("ms"));
            default -> { }
        }
    }

    /** The tick numbered {@code tick} (the first one, if a lost world ran it twice), or null. */
    Tick tick(long tick) {
        Integer i = tickIndex.get(tick);
        return i == null ? null : ticks.get(i);
    }

    Tick lastTick() {
        return ticks.isEmpty() ? null : ticks.get(ticks.size() - 1);
    }
}
