package dev.pitstop.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code ticks.png}: one panel per strategy, the time of every tick over the run (log scale, so a
 * 1 ms tick and a 100 ms stall both show), each swap's first tick marked (the first save after the
 * start in green, the rest of the first ten saves in violet, the quick edits in red) and its
 * game-thread pause in orange. A restart's game
 * JVMs are drawn as separate stretches, so the gap while no game ran shows as a gap. Driver thread;
 * needs no display (AWT headless).
 */
final class TickChart {

    private static final int WIDTH = 1400;
    private static final int PANEL_HEIGHT = 380;
    private static final Color TICKS = new Color(0x3060A0);
    private static final Color SWAPS = new Color(0xD02020);
    private static final Color PAUSES = new Color(0xE08000);
    private static final Color FIRST_SAVE = new Color(0x109010);
    private static final Color FIRST_TEN = new Color(0x8030C0);

    private TickChart() {
    }

    static void write(Path png, List<Outcome> outcomes) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<XYChart> panels = new ArrayList<>();
        for (Outcome o : outcomes) {
            panels.add(panel(o));
        }
        BitmapEncoder.saveBitmap(panels, panels.size(), 1, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static List<Double> tickValues(List<StrategyRecording.Tick> ticks) {
        List<Double> ys = new ArrayList<>(ticks.size());
        ticks.forEach(t -> ys.add(Math.max(1e-3, t.tickMillis())));
        return ys;
    }

    /** Marks the swap ticks of the edits that {@code which} picks; returns their y values. */
    private static List<Double> swapMarks(XYChart chart, Outcome o, double t0,
            java.util.function.Predicate<Outcome.EditResult> which, String name,
            org.knowm.xchart.style.markers.Marker marker, Color color) {
        List<Double> sx = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        for (Outcome.EditResult e : o.edits) {
            StrategyRecording.Tick t = which.test(e) ? o.recording.tick(e.swapTick()) : null;
            if (t != null) {
                sx.add((t.endEpochMillis() - t0) / 1000.0);
                sy.add(Math.max(1e-3, t.tickMillis()));
            }
        }
        if (!sx.isEmpty()) {
            XYSeries swaps = chart.addSeries(name, sx, sy);
            swaps.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            swaps.setMarker(marker);
            swaps.setMarkerColor(color);
        }
        return sy;
    }

    private static XYChart panel(Outcome o) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title(o.strategy() + ": tick time over the run, " + o.edits.size() + " edits (first tick with the new "
                        + "code: green the first save, violet the first ten, red the quick edits; orange: the pause)")
                .xAxisTitle("seconds since the first tick").yAxisTitle("tick ms (log)").build();
        XYStyler s = chart.getStyler();
        // Outside the plot: inside, the legend hides the marks that matter most, the highest ones.
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        s.setYAxisLogarithmic(true);
        s.setYAxisDecimalPattern("0.###");
        s.setXAxisDecimalPattern("0");

        List<StrategyRecording.Tick> ticks = o.recording.ticks;
        if (ticks.isEmpty()) {
            return chart;
        }
        double t0 = ticks.get(0).startEpochMillis();
        int from = 0;
        boolean first = true;
        for (int i = 1; i <= ticks.size(); i++) {
            if (i == ticks.size() || ticks.get(i).process() != ticks.get(from).process()) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (int k = from; k < i; k++) {
                    x.add((ticks.get(k).endEpochMillis() - t0) / 1000.0);
                    y.add(Math.max(1e-3, ticks.get(k).tickMillis()));
                }
                XYSeries line = chart.addSeries(first ? "tick" : "tick, game " + ticks.get(from).process(), x, y);
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(TICKS);
                line.setLineWidth(0.8f);
                line.setLineStyle(new BasicStroke(0.8f));
                line.setShowInLegend(first);
                first = false;
                from = i;
            }
        }
        List<Double> sy = new ArrayList<>();
        sy.addAll(swapMarks(chart, o, t0, e -> e.pace() == StrategyRecording.Pace.QUICK, "swap tick",
                SeriesMarkers.CIRCLE, SWAPS));
        sy.addAll(swapMarks(chart, o, t0, e -> e.pace() == StrategyRecording.Pace.PERSON && e != o.firstSave(),
                "swap tick, first ten saves", SeriesMarkers.TRIANGLE_UP, FIRST_TEN));
        sy.addAll(swapMarks(chart, o, t0, e -> e == o.firstSave(), "swap tick, first save", SeriesMarkers.SQUARE,
                FIRST_SAVE));
        // The pause is not a tick (it may fall while the game thread sleeps between ticks), so it gets marks of its own.
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        for (StrategyRecording.Edit e : o.recording.edits) {
            if (!Double.isNaN(e.pauseMicros())) {
                px.add((e.liveEpochMillis() - t0) / 1000.0);
                py.add(Math.max(1e-3, e.pauseMicros() / 1000.0));
            }
        }
        if (!px.isEmpty()) {
            XYSeries pauses = chart.addSeries("game-thread pause (ms)", px, py);
            pauses.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            pauses.setMarker(SeriesMarkers.DIAMOND);
            pauses.setMarkerColor(PAUSES);
        }
        // Whole decades at both ends, so that every panel's log axis is labelled at least twice.
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (List<Double> ys : List.of(tickValues(ticks), sy, py)) {
            for (double y : ys) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        s.setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
        s.setYAxisMax(Math.pow(10, Math.max(Math.ceil(Math.log10(hi)), Math.floor(Math.log10(lo)) + 1)));
        return chart;
    }
}
