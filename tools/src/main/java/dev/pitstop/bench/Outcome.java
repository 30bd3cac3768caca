package dev.pitstop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One strategy's run, analysed: per edit the numbers the report shows, each tick's phase, and
 * whether the world survived. Built on the driver thread after the run; immutable after.
 */
final class Outcome {

    /** What a tick was, for the steady-state figures and the CSV. */
    enum Phase { WARMUP, STEADY, SWAP, TAIL }

    /**
     * One edit's numbers.
     *
     * @param swapTickMillis  the game thread's time for the first tick with the new code, with the
     *                        install pause where that falls between ticks (generation)
     * @param newCodeSeen     the edited behaviour moved at its new speed in the stats after the swap
     *                        (null if no entity uses it)
     * @param stateKept       the control's entities at the stats after the swap are exactly the
     *                        reference's, and no tick was skipped or repeated at the swap
     * @param phases          the engine's reload phases of the generation that went live
     *                        ({@link StrategyRecording#RELOAD_PHASES}, milliseconds; empty for other strategies)
     */
    record EditResult(int number, StrategyRecording.Pace pace, String behaviour, double editToLiveMillis,
            double pauseMicros, long swapTick, double swapTickMillis, double tailP50Millis, double tailMaxMillis,
            Boolean newCodeSeen, boolean stateKept, Map<String, Double> phases) {

        double phase(String name) {
            Double ms = phases.get(name);
            return ms == null ? Double.NaN : ms;
        }
    }

    final StrategyRecording recording;
    final List<EditResult> edits = new ArrayList<>();
    final Phase[] phases;
    /** Stats events whose control line was compared with the reference, and how many differed. */
    int statsChecked;
    int statsDiffering;
    /** Ticks that did not follow the one before (a lost or repeated stretch of the world's time). */
    int tickBreaks;

    private Outcome(StrategyRecording recording) {
        this.recording = recording;
        this.phases = new Phase[recording.ticks.size()];
    }

    String strategy() {
        return recording.strategy;
    }

    /** Every edit kept the world, every stats event matched the reference, no tick was lost or repeated. */
    boolean stateKept() {
        return statsChecked > 0 && statsDiffering == 0 && tickBreaks == 0
                && edits.stream().allMatch(EditResult::stateKept);
    }

    double[] ticksMillis(Phase phase) {
        List<StrategyRecording.Tick> ticks = recording.ticks;
        double[] out = new double[ticks.size()];
        int n = 0;
        for (int i = 0; i < ticks.size(); i++) {
            if (phases[i] == phase) {
                out[n++] = ticks.get(i).tickMillis();
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    double[] editValues(java.util.function.ToDoubleFunction<EditResult> f) {
        return edits.stream().mapToDouble(f).toArray();
    }

    /** {@code f} of the edits of one pace only. */
    double[] editValues(StrategyRecording.Pace pace, java.util.function.ToDoubleFunction<EditResult> f) {
        return edits.stream().filter(e -> e.pace() == pace).mapToDouble(f).toArray();
    }

    /** The first save after the start: the first edit a person makes, or null if the run had none. */
    EditResult firstSave() {
        return edits.isEmpty() || edits.get(0).pace() != StrategyRecording.Pace.PERSON ? null : edits.get(0);
    }

    /** The ticks of the first game from its start to its {@code warmed} event (empty if it sent none), in ms. */
    double[] warmUpTicksMillis() {
        if (Double.isNaN(recording.warmedEpochMillis)) {
            return new double[0];
        }
        return recording.ticks.stream().filter(t -> t.process() == 1 && t.endEpochMillis() >= recording.startEpochMillis
                && t.startEpochMillis() <= recording.warmedEpochMillis).mapToDouble(StrategyRecording.Tick::tickMillis)
                .toArray();
    }

    /** How long after the start the reload path said it was warm, in ms (NaN if it never did). */
    double warmUpMillis() {
        return recording.warmedEpochMillis - recording.startEpochMillis;
    }

    /** The slowest tick of any swap or of the ticks after one (the worst a swap cost a frame), in ms. */
    double worstSwapOrTailMillis() {
        double worst = Double.NaN;
        for (EditResult e : edits) {
            for (double v : new double[] {e.swapTickMillis(), e.tailMaxMillis()}) {
                if (!Double.isNaN(v) && (Double.isNaN(worst) || v > worst)) {
                    worst = v;
                }
            }
        }
        return worst;
    }

    /**
     * @param reference the control's stats by tick, from {@link WorldReference}
     */
    static Outcome analyse(StrategyRecording r, String control, Map<Long, StrategyRecording.BehaviourStats> reference,
            int tailTicks) {
        Outcome o = new Outcome(r);
        o.classifyTicks(tailTicks);
        for (StrategyRecording.Stats s : r.stats) {
            o.statsChecked++;
            if (!matches(s, control, reference)) {
                o.statsDiffering++;
            }
        }
        for (StrategyRecording.Edit e : r.edits) {
            o.edits.add(o.result(e, control, reference, tailTicks, r.pauseBetweenTicks));
        }
        return o;
    }

    private void classifyTicks(int tailTicks) {
        List<StrategyRecording.Tick> ticks = recording.ticks;
        java.util.Set<Long> swapTicks = new java.util.HashSet<>();
        recording.edits.forEach(e -> swapTicks.add(e.swapTick()));
        long lastSwap = Long.MIN_VALUE;
        for (int i = 0; i < ticks.size(); i++) {
            StrategyRecording.Tick t = ticks.get(i);
            if (i > 0 && t.tick() != ticks.get(i - 1).tick() + 1) {
                tickBreaks++;
            }
            if (swapTicks.contains(t.tick())) {
                lastSwap = t.tick();
                phases[i] = Phase.SWAP;
            } else if (t.tick() <= recording.warmupTicks && t.process() <= 1) {
                phases[i] = Phase.WARMUP;
            } else if (lastSwap != Long.MIN_VALUE && t.tick() <= lastSwap + tailTicks) {
                phases[i] = Phase.TAIL;
            } else {
                phases[i] = Phase.STEADY;
            }
        }
    }

    private EditResult result(StrategyRecording.Edit e, String control,
            Map<Long, StrategyRecording.BehaviourStats> reference, int tailTicks, boolean pauseInFrame) {
        StrategyRecording.Tick swap = recording.tick(e.swapTick());
        double swapMillis = swap == null ? Double.NaN
                : swap.tickMillis() + (pauseInFrame && !Double.isNaN(e.pauseMicros()) ? e.pauseMicros() / 1000.0 : 0);
        Distribution tail = new Distribution();
        for (long t = e.swapTick() + 1; t <= e.swapTick() + tailTicks; t++) {
            StrategyRecording.Tick x = recording.tick(t);
            if (x != null) {
                tail.add(x.tickMillis());
            }
        }
        StrategyRecording.Stats after = null;
        for (StrategyRecording.Stats s : recording.stats) {
            if (s.tick() >= e.swapTick()) {
                after = s;
                break;
            }
        }
        Boolean seen = null;
        if (after != null && after.behaviours().containsKey(e.behaviour())) {
            double speed = after.behaviours().get(e.behaviour()).meanSpeed();
            seen = Math.abs(speed - e.newSpeed()) <= 1e-3 * e.newSpeed() + 1e-3;
        }
        boolean continuous = swap != null && recording.tick(e.swapTick() - 1) != null;
        boolean kept = continuous && after != null && matches(after, control, reference);
        Map<String, Double> phases = new java.util.LinkedHashMap<>();
        Map<String, Double> reported = recording.reloadPhases.getOrDefault(e.generation(), Map.of());
        for (String p : StrategyRecording.RELOAD_PHASES) {
            if (e.generation() > 0 && reported.containsKey(p)) {
                phases.put(p, reported.get(p));
            }
        }
        return new EditResult(e.number(), e.pace(), e.behaviour(), e.editToLiveMillis(), e.pauseMicros(), e.swapTick(),
                swapMillis, tail.percentile(50), tail.max(), seen, kept, phases);
    }

    private static boolean matches(StrategyRecording.Stats s, String control,
            Map<Long, StrategyRecording.BehaviourStats> reference) {
        StrategyRecording.BehaviourStats expected = reference.get(s.tick());
        StrategyRecording.BehaviourStats seen = s.behaviours().get(control);
        return expected != null && expected.equals(seen);
    }
}
