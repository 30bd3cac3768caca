package dev.pitstop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code report.md}: what was run where, the table of results, the goals each marked met or
 * missed with the numbers behind it, the tails, the checks, how things were measured, and the
 * chart. Driver thread.
 */
final class ReportMarkdown {

    private ReportMarkdown() {
    }

    static void write(Path file, BenchSettings settings, String machine, String date, String command,
            List<Outcome> outcomes, Map<String, String> failures) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Pitstop swap-latency benchmark\n\n");
        md.append("- date: ").append(date).append('\n');
        md.append("- machine: ").append(machine).append('\n');
        md.append("- command: `").append(command).append("`\n");
        md.append(String.format(Locale.ROOT, "- world: %d enemies driven by %d generated behaviours, headless, %d Hz "
                + "in real time; per strategy %d saves at a person's pace (the first %d ms after the start, then %d ms "
                + "apart) and %d quick edits, each one constant changed in one file%n%n",
                settings.entities(), settings.scripts(), settings.hz(), settings.firstSaves(),
                settings.firstSaveAfterMillis(), settings.saveSpacingMillis(), settings.edits()));
        table(md, outcomes);
        failures.forEach((s, why) -> md.append("\n**").append(s).append(" failed:** ").append(why).append('\n'));
        goals(md, outcomes);
        md.append("\n## Where an edit's time went (p50 of each reload phase, ms)\n\n");
        phaseTable(md, outcomes);
        tails(md, settings, outcomes);
        checks(md, outcomes);
        method(md, settings);
        md.append("\n![tick time over the run, one panel per strategy](ticks.png)\n\n");
        md.append("Raw numbers: `results.json`, `edits.csv` (one line per edit), `ticks.csv` (one line per tick).\n");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    /** The results table alone, as the README quotes it. */
    static void table(StringBuilder md, List<Outcome> outcomes) {
        md.append("| strategy | edits | first save ms | first ten ms p50 / max | quick edits ms p50 / p99 / max "
                + "| game-thread pause µs p50 / p99 / max | worst swap or tail tick ms | steady tick ms p50 / p99 / p99.9 "
                + "| world state kept |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Outcome o : outcomes) {
            Distribution steady = Distribution.of(o.ticksMillis(Outcome.Phase.STEADY));
            Outcome.EditResult first = o.firstSave();
            Distribution early = Distribution.of(o.editValues(StrategyRecording.Pace.PERSON,
                    Outcome.EditResult::editToLiveMillis));
            md.append("| ").append(o.strategy()).append(" | ").append(o.edits.size())
                    .append(" | ").append(first == null ? "n/a" : num(first.editToLiveMillis()))
                    .append(" | ").append(num(early.percentile(50))).append(" / ").append(num(early.max()))
                    .append(" | ")
                    .append(three(o.editValues(StrategyRecording.Pace.QUICK, Outcome.EditResult::editToLiveMillis)))
                    .append(" | ").append(three(o.editValues(Outcome.EditResult::pauseMicros)))
                    .append(" | ").append(num(o.worstSwapOrTailMillis()))
                    .append(" | ").append(num(steady.percentile(50))).append(" / ").append(num(steady.percentile(99)))
                    .append(" / ").append(num(steady.percentile(99.9)))
                    .append(" | ").append(o.stateKept() ? "yes" : "**no**").append(" |\n");
        }
    }

    /** Where the time of an edit went: the p50 of each reload phase the engine reports, by pace. */
    static void phaseTable(StringBuilder md, List<Outcome> outcomes) {
        md.append("| strategy | edits | ");
        for (String p : StrategyRecording.RELOAD_PHASES) {
            md.append(p).append(" | ");
        }
        md.append("rest (waits, swap) | edit-to-live |\n|---|---|");
        md.append("---:|".repeat(StrategyRecording.RELOAD_PHASES.size() + 2)).append('\n');
        for (Outcome o : outcomes) {
            if (o.edits.stream().allMatch(e -> e.phases().isEmpty())) {
                continue;
            }
            for (StrategyRecording.Pace pace : StrategyRecording.Pace.values()) {
                List<Outcome.EditResult> some = o.edits.stream().filter(e -> e.pace() == pace).toList();
                if (some.isEmpty()) {
                    continue;
                }
                md.append("| ").append(o.strategy()).append(" | ")
                        .append(pace == StrategyRecording.Pace.PERSON ? "first " + some.size() : some.size() + " quick")
                        .append(" | ");
                for (String p : StrategyRecording.RELOAD_PHASES) {
                    md.append(num(Distribution.of(some.stream().mapToDouble(e -> e.phase(p)).toArray()).percentile(50)))
                            .append(" | ");
                }
                md.append(num(Distribution.of(some.stream().mapToDouble(ReportMarkdown::rest).toArray()).percentile(50)))
                        .append(" | ").append(num(Distribution.of(some.stream()
                                .mapToDouble(Outcome.EditResult::editToLiveMillis).toArray()).percentile(50)))
                        .append(" |\n");
            }
        }
    }

    /** What the phases do not cover: waiting for the game thread's next tick, the swap, events. */
    static double rest(Outcome.EditResult e) {
        double sum = 0;
        for (String p : StrategyRecording.RELOAD_PHASES) {
            double v = e.phase(p);
            sum += Double.isNaN(v) ? 0 : v;
        }
        return e.phases().isEmpty() ? Double.NaN : e.editToLiveMillis() - sum;
    }

    private static String three(double[] values) {
        Distribution d = Distribution.of(values);
        return num(d.percentile(50)) + " / " + num(d.percentile(99)) + " / " + num(d.max());
    }

    private static void goals(StringBuilder md, List<Outcome> outcomes) {
        md.append("\n## Goals\n\n");
        Outcome gen = find(outcomes, "generation");
        Outcome hot = find(outcomes, "hotswap");
        Outcome restart = find(outcomes, "restart");
        if (gen != null) {
            Outcome.EditResult first = gen.firstSave();
            if (first != null) {
                md.append("- ").append(mark(first.editToLiveMillis() <= 80)).append(" first save after the start ≤ 80 ms "
                        + "to live: ").append(num(first.editToLiveMillis())).append(" ms\n");
                Distribution early = Distribution.of(gen.editValues(StrategyRecording.Pace.PERSON,
                        Outcome.EditResult::editToLiveMillis));
                md.append("- ").append(mark(early.percentile(50) <= 40 && early.max() <= 100))
                        .append(" the first ").append(early.count()).append(" saves p50 ≤ 40 ms, none over 100 ms: p50 ")
                        .append(num(early.percentile(50))).append(" ms, max ").append(num(early.max())).append(" ms\n");
            }
            Distribution quick = Distribution.of(gen.editValues(StrategyRecording.Pace.QUICK,
                    Outcome.EditResult::editToLiveMillis));
            if (quick.count() > 0) {
                md.append("- ").append(mark(quick.percentile(50) <= 25 && quick.percentile(99) <= 60))
                        .append(" quick (warm) edits p50 ≤ 25 ms, p99 ≤ 60 ms: ").append(num(quick.percentile(50)))
                        .append(" / ").append(num(quick.percentile(99))).append(" ms");
                if (restart != null) {
                    double rp50 = Distribution.of(restart.editValues(Outcome.EditResult::editToLiveMillis)).percentile(50);
                    md.append("; a restart takes seconds: ").append(rp50 >= 1000 ? "yes" : "**no**")
                            .append(", its p50 is ").append(num(rp50 / 1000)).append(" s");
                }
                md.append('\n');
            }
            double p99 = Distribution.of(gen.editValues(Outcome.EditResult::pauseMicros)).percentile(99);
            md.append("- ").append(mark(p99 <= 20)).append(" generation pause p99 ≤ 20 µs: ").append(num(p99))
                    .append(" µs");
            if (hot != null) {
                double hp50 = Distribution.of(hot.editValues(Outcome.EditResult::pauseMicros)).percentile(50);
                md.append("; HotSwap pauses for milliseconds: ").append(hp50 >= 1000 ? "yes" : "**no**")
                        .append(", its p50 is ").append(num(hp50 / 1000)).append(" ms");
            }
            md.append('\n');
            double steadyP99 = Distribution.of(gen.ticksMillis(Outcome.Phase.STEADY)).percentile(99);
            Distribution warming = Distribution.of(gen.warmUpTicksMillis());
            if (warming.count() > 0) {
                md.append("- ").append(mark(warming.percentile(99) <= steadyP99))
                        .append(" the warm-up of the reload path costs the game no frame: it took ")
                        .append(num(gen.warmUpMillis())).append(" ms from the start event; its ").append(warming.count())
                        .append(" ticks p99 ").append(num(warming.percentile(99))).append(" ms (max ")
                        .append(num(warming.max())).append(") against the steady p99 ").append(num(steadyP99))
                        .append(" ms\n");
            }
            List<StrategyRecording.Edit> restarted = gen.recording.restartSaves;
            if (!restarted.isEmpty()) {
                Distribution afterRestart = Distribution.of(restarted.stream()
                        .mapToDouble(StrategyRecording.Edit::editToLiveMillis).toArray());
                Distribution firstStart = Distribution.of(gen.editValues(StrategyRecording.Pace.PERSON,
                        Outcome.EditResult::editToLiveMillis));
                md.append("- ").append(mark(afterRestart.percentile(50) < firstStart.percentile(50)))
                        .append(" a restart of the game does not make the first saves cold again: after a restart its ")
                        .append(afterRestart.count()).append(" saves p50 ").append(num(afterRestart.percentile(50)))
                        .append(" ms (max ").append(num(afterRestart.max())).append(", the first ")
                        .append(num(restarted.get(0).editToLiveMillis())).append(" ms, compiled in ")
                        .append(num(gen.recording.restartPhases.getOrDefault("compiled", Double.NaN)))
                        .append(" ms; compile daemon ").append(gen.recording.restartCompileDaemon)
                        .append("), after the first start p50 ").append(num(firstStart.percentile(50)))
                        .append(" ms (compile daemon ").append(gen.recording.compileDaemon).append(")\n");
            }
            double worst = gen.worstSwapOrTailMillis();
            Distribution swaps = Distribution.of(gen.ticksMillis(Outcome.Phase.SWAP));
            Distribution tails = Distribution.of(gen.ticksMillis(Outcome.Phase.TAIL));
            md.append("- ").append(mark(worst <= steadyP99)).append(" no swap tick, nor any of the ticks after one, "
                    + "slower than the steady p99: the worst was ").append(num(worst)).append(" ms, the steady p99 ")
                    .append(num(steadyP99)).append(" ms; the ").append(swaps.count()).append(" swap ticks p50 ")
                    .append(num(swaps.percentile(50))).append(" ms, the ").append(tails.count())
                    .append(" tail ticks after them, pooled, p99 ").append(num(tails.percentile(99))).append(" ms\n");
        }
        StringBuilder kept = new StringBuilder();
        boolean all = true;
        for (Outcome o : outcomes) {
            kept.append(kept.length() == 0 ? "" : ", ").append(o.strategy()).append(o.stateKept() ? " kept it" : " **lost it**");
            all &= o.stateKept();
        }
        md.append("- ").append(mark(all)).append(" world state kept by generation and hotswap, lost by nothing: ")
                .append(kept).append('\n');
        md.append("- slot dispatch ≤ 5% slower than a direct call: measured by JMH, not by this run "
                + "(`./pitstop bench jmh`; see the README)\n");
    }

    private static void tails(StringBuilder md, BenchSettings settings, List<Outcome> outcomes) {
        md.append("\n## The ").append(settings.tailTicks()).append(" ticks after each swap (JIT warm-up tail)\n\n");
        md.append("| strategy | tail ticks | tail tick ms p50 / p99 / max | steady ticks | steady tick ms p50 / p99 / max |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (Outcome o : outcomes) {
            Distribution tail = Distribution.of(o.ticksMillis(Outcome.Phase.TAIL));
            Distribution steady = Distribution.of(o.ticksMillis(Outcome.Phase.STEADY));
            md.append("| ").append(o.strategy()).append(" | ").append(tail.count()).append(" | ")
                    .append(num(tail.percentile(50))).append(" / ").append(num(tail.percentile(99))).append(" / ")
                    .append(num(tail.max())).append(" | ").append(steady.count()).append(" | ")
                    .append(num(steady.percentile(50))).append(" / ").append(num(steady.percentile(99))).append(" / ")
                    .append(num(steady.max())).append(" |\n");
        }
    }

    private static void checks(StringBuilder md, List<Outcome> outcomes) {
        md.append("\n## Checks\n\n");
        md.append("| strategy | edits whose new code was seen running | edits that kept the world | stats events "
                + "matching the reference | ticks skipped or repeated |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (Outcome o : outcomes) {
            long seen = o.edits.stream().filter(e -> Boolean.TRUE.equals(e.newCodeSeen())).count();
            long known = o.edits.stream().filter(e -> e.newCodeSeen() != null).count();
            long kept = o.edits.stream().filter(Outcome.EditResult::stateKept).count();
            md.append("| ").append(o.strategy()).append(" | ").append(seen).append(" of ").append(known)
                    .append(" | ").append(kept).append(" of ").append(o.edits.size())
                    .append(" | ").append(o.statsChecked - o.statsDiffering).append(" of ").append(o.statsChecked)
                    .append(" | ").append(o.tickBreaks).append(" |\n");
        }
    }

    private static void method(StringBuilder md, BenchSettings settings) {
        md.append("\n## How it was measured\n\n");
        md.append("""
                - **Edits.** The driver writes one generated behaviour's file with a new value of its `SPEED` \
                constant and waits until the new code runs. The first saves come at a person's pace from the \
                game's `start` event (the first save, then the first ten, as a person who has just started the \
                game sees them); the quick edits follow a steady baseline, each after the last one's tail and %d \
                steady ticks (the warm state). Every strategy gets the same scripts, world (seed %d) and edits.
                - **Phases** come from the engine's `reload` events of the generation that went live: `detected` \
                (from the first file event to the build's start), `compiled`, `verified` (sandbox scan and budget \
                instrumentation), `loaded` (define, link, instantiate), `shadow`; the rest is waiting for the \
                game thread's next tick boundary and the swap itself.
                - **generation** is the real engine (`./pitstop run --headless --tick-events`) in its own JVM, \
                watching the folder. Live = its `swap` event; pause = the swap's `pauseMicros` (the game thread \
                installing the generation); swap tick = that pause plus the first tick with the new code.
                - **hotswap** loads the scripts once in a JVM of its own running the same world and loop; told of \
                each save as an IDE would be, it compiles the file and calls `Instrumentation.redefineClasses` \
                (byte-buddy-agent) on a thread of its own, as a debugger does. Live = when `redefineClasses` \
                returns; pause = the safepoints the JVM logged (`-Xlog:safepoint`) during that call, which stop \
                every Java thread, the game thread included; swap tick = the first tick that ended after it. \
                It does not wait for a watcher's quiet period, as the other two do.
                - **restart** is a supervisor (the bench JVM) watching the folder: after a %d ms quiet period it \
                stops the game JVM, which writes `--snapshot` as it exits, and starts a new one with `--restore`. \
                Live = the start of the new JVM's first tick; pause = the whole gap between the old JVM's last \
                tick and the new one's first; swap tick = that first tick, in a cold JVM.
                - **Edit-to-live** runs from the moment the file was written to the moment the new code could \
                first run (wall clock, shared by every JVM on the machine).
                - **Steady ticks** are the ticks that are neither in the first JVM's first %d ticks (JIT warm-up) \
                nor a swap tick or one of the %d after it. Percentiles come from HdrHistogram.
                - **World state.** The first behaviour is never edited and depends on nothing the edits change; \
                this JVM replays the same world with only its original code, and each `stats` event's line for it \
                (count, mean speed, mean position) must match that replay exactly at the same tick, with no tick \
                skipped or repeated. "New code seen" means the edited behaviour moved at its new speed in the \
                first stats after the swap.
                """.formatted(BenchSettings.GAP_TICKS, settings.seed(), RestartStrategy.QUIET_MILLIS,
                settings.tailTicks(), settings.tailTicks()));
    }

    private static Outcome find(List<Outcome> outcomes, String name) {
        return outcomes.stream().filter(o -> o.strategy().equals(name)).findFirst().orElse(null);
    }

    private static String mark(boolean met) {
        return met ? "**met**" : "**missed**";
    }

    /** Three significant digits or more, never in exponent form. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
