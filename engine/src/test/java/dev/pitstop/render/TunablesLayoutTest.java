package dev.pitstop.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TunablesLayoutTest {

    static List<TunablesView.Row> rows(int groups, int each) {
        List<TunablesView.Row> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            rows.add(TunablesView.Row.header("Group" + g, g == 0 ? "behaviour" : "helper"));
            for (int i = 0; i < each; i++) {
                rows.add(new TunablesView.Row(false, "FIELD_" + g + "_" + i, i + "f", null, TunablesView.LIVE, Float.NaN));
            }
        }
        return rows;
    }

    static Frame open(List<TunablesView.Row> rows, int selected) {
        Frame f = HudLayoutTest.frame(1280, 720);
        f.tunables.open = true;
        f.tunables.rows = rows;
        f.tunables.selected = selected;
        return f;
    }

    @Test
    void drawsBesideTheHudInsideTheFramebufferWithEveryState() {
        List<TunablesView.Row> rows = new ArrayList<>(rows(2, 3));
        rows.set(1, new TunablesView.Row(false, "SPEED", "90f", "120f", TunablesView.BUILDING, 0.3f));
        rows.set(2, new TunablesView.Row(false, "RANGE", "360f", "400f", TunablesView.REJECTED, Float.NaN));
        Frame f = open(rows, 1);
        f.tunables.message = "tune: demo/Chaser.java changed since the live version was built from it (edited elsewhere "
                + "and not built yet); nothing written, the edit there wins. Tune again once it is live.";
        HudLayoutTest.RecordingCanvas c = HudLayoutTest.layout(f);
        assertTrue(c.shows("TUNABLES"));
        assertTrue(c.shows("Group0") && c.shows("behaviour") && c.shows("Group1") && c.shows("helper"));
        assertTrue(c.shows("SPEED") && c.shows("90f > ") && c.shows("120f"), c.texts.toString());
        assertEquals(HudLayout.NOTICE, c.find("120f").rgb(), "building is yellow");
        assertEquals(HudLayout.ERROR, c.find("400f").rgb(), "rejected is red");
        assertEquals(HudLayout.GOOD, c.find("1f").rgb(), "live is green");
        String wrapped = String.join(" ", c.texts.stream().filter(t -> t.rgb() == HudLayout.NOTICE && !t.text().equals("120f")
                && !t.text().equals("building")).map(HudLayoutTest.RecordingCanvas.Text::text).toList());
        assertEquals(f.tunables.message, wrapped, "the message, wrapped onto the panel");
        assertTrue(c.texts.stream().filter(t -> t.rgb() == HudLayout.NOTICE).count() >= 3, "on several lines");
        assertTrue(c.shows("F1 HUD"), "the HUD is drawn too");
        float hudRight = c.find("F1 HUD").x() + c.textWidth("F1 HUD  F2 debug  F3 tunables  F5 reload  F6 loop  F7 rollback",
                c.find("F1 HUD").scale());
        TunablesView v = f.tunables;
        assertTrue(v.x() > hudRight, "beside the HUD, not over it: " + v.x() + " vs " + hudRight);
        for (HudLayoutTest.RecordingCanvas.Text t : c.texts) {
            assertTrue(t.x() >= 0 && t.y() >= 0 && t.y() < 720 && t.x() + t.text().length() * 6 * t.scale() <= 1280 + 1e-3,
                    t.toString());
        }
        for (HudLayoutTest.RecordingCanvas.Rect r : c.rects) {
            assertTrue(r.x() >= 0 && r.y() >= 0 && r.x() + r.width() <= 1280 + 1e-3 && r.y() + r.height() <= 720 + 1e-3,
                    r.toString());
        }
    }

    @Test
    void aClickFindsTheRowDrawnThere() {
        Frame f = open(rows(2, 3), 1);
        HudLayoutTest.RecordingCanvas c = HudLayoutTest.layout(f);
        TunablesView v = f.tunables;
        for (int i = 0; i < v.rows.size(); i++) {
            HudLayoutTest.RecordingCanvas.Text label = c.find(v.rows.get(i).label());
            assertEquals(i, v.rowAt(label.x() + 1, label.y() + 1), "row " + i);
        }
        assertEquals(-1, v.rowAt(v.x() - 1, c.find("FIELD_0_0").y()), "left of the panel");
        assertEquals(-1, v.rowAt(v.x() + 5, v.y() + 2), "the title");
        assertFalse(v.contains(10, 10));
        v.open = false;
        assertEquals(-1, v.rowAt(c.find("FIELD_0_0").x() + 1, c.find("FIELD_0_0").y() + 1), "closed");
    }

    @Test
    void manyRowsScrollToKeepTheSelectedOneInView() {
        List<TunablesView.Row> rows = rows(6, 10);
        Frame f = open(rows, rows.size() - 1);
        HudLayoutTest.RecordingCanvas c = HudLayoutTest.layout(f);
        assertTrue(c.shows("FIELD_5_9"), "the selected last row is drawn");
        assertFalse(c.shows("FIELD_0_0"), "the first ones scrolled away");
        assertTrue(c.shows(" of " + rows.size()), "the title says which rows show");
        f.tunables.selected = 1;
        c = HudLayoutTest.layout(f);
        assertTrue(c.shows("FIELD_0_0"));
        assertEquals(0, f.tunables.firstRow());
    }

    @Test
    void closedDrawsNothing() {
        Frame f = open(rows(1, 2), 1);
        f.tunables.open = false;
        assertFalse(HudLayoutTest.layout(f).shows("TUNABLES"));
    }
}
