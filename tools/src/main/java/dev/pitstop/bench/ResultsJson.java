package dev.pitstop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code results.json}, shaped as the benchmark issue asks: {@code machine}, then per strategy the
 * edits, p50/p99/max of edit-to-live, pause and swap-tick time, p50/p99/p99.9 of the steady tick
 * time, the first save and the first saves at a person's pace apart from the quick edits, the
 * worst swap or tail tick, the p50 of each reload phase, and whether the world state was kept.
 * Unknown numbers are null. Driver thread.
 */
final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    static void write(Path file, String machine, List<Outcome> outcomes) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("machine", machine);
        ObjectNode strategies = root.putObject("strategies");
        for (Outcome o : outcomes) {
            ObjectNode s = strategies.putObject(o.strategy());
            s.put("edits", o.edits.size());
            tail(s.putObject("editToLiveMs"), Distribution.of(o.editValues(Outcome.EditResult::editToLiveMillis)));
            tail(s.putObject("pauseMicros"), Distribution.of(o.editValues(Outcome.EditResult::pauseMicros)));
            tail(s.putObject("swapTickMs"), Distribution.of(o.editValues(Outcome.EditResult::swapTickMillis)));
            Distribution steady = Distribution.of(o.ticksMillis(Outcome.Phase.STEADY));
            ObjectNode st = s.putObject("steadyTickMs");
            number(st, "p50", steady.percentile(50));
            number(st, "p99", steady.percentile(99));
            number(st, "p999", steady.percentile(99.9));
            Outcome.EditResult first = o.firstSave();
            number(s, "firstSaveMs", first == null ? Double.NaN : first.editToLiveMillis());
            Distribution early = Distribution.of(o.editValues(StrategyRecording.Pace.PERSON,
                    Outcome.EditResult::editToLiveMillis));
            ObjectNode fs = s.putObject("firstSavesMs");
            fs.put("count", early.count());
            number(fs, "p50", early.percentile(50));
            number(fs, "max", early.max());
            tail(s.putObject("quickEditToLiveMs"), Distribution.of(o.editValues(StrategyRecording.Pace.QUICK,
                    Outcome.EditResult::editToLiveMillis)));
            number(s, "worstSwapOrTailTickMs", o.worstSwapOrTailMillis());
            Distribution tails = Distribution.of(o.ticksMillis(Outcome.Phase.TAIL));
            ObjectNode tt = s.putObject("tailTickMs"); // every tick of every swap's tail, pooled
            number(tt, "p50", tails.percentile(50));
            number(tt, "p99", tails.percentile(99));
            number(tt, "max", tails.max());
            Distribution warming = Distribution.of(o.warmUpTicksMillis());
            ObjectNode w = s.putObject("warmUp");
            number(w, "ms", o.warmUpMillis());
            number(w, "tickP99Ms", warming.percentile(99));
            number(w, "tickMaxMs", warming.max());
            ObjectNode phases = s.putObject("reloadPhaseP50Ms");
            for (String p : StrategyRecording.RELOAD_PHASES) {
                number(phases, p, Distribution.of(o.editValues(e -> e.phase(p))).percentile(50));
            }
            if (o.recording.compileDaemon != null) {
                s.put("compileDaemon", o.recording.compileDaemon);
            }
            if (!o.recording.restartSaves.isEmpty()) {
                ObjectNode r = s.putObject("afterRestart");
                number(r, "firstSaveMs", o.recording.restartSaves.get(0).editToLiveMillis());
                Distribution saves = Distribution.of(o.recording.restartSaves.stream()
                        .mapToDouble(StrategyRecording.Edit::editToLiveMillis).toArray());
                r.put("saves", saves.count());
                number(r, "savesP50Ms", saves.percentile(50));
                number(r, "savesMaxMs", saves.max());
                o.recording.restartPhases.forEach((phase, ms) -> number(r, phase + "Ms", ms));
                r.put("compileDaemon", o.recording.restartCompileDaemon);
            }
            s.put("stateKept", o.stateKept());
        }
        JSON.writeValue(file.toFile(), root);
    }

    private static void tail(ObjectNode node, Distribution d) {
        number(node, "p50", d.percentile(50));
        number(node, "p99", d.percentile(99));
        number(node, "max", d.max());
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else {
            node.put(name, Math.round(value * 1000) / 1000.0);
        }
    }
}
