package dev.pitstop.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pitstop.render.TunablesView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rows grouped by class, behaviours first, and a selection that stays on its tunable. */
class PanelRowsTest {

    final TunablesView view = new TunablesView();
    final PanelRows rows = new PanelRows(view);
    final Tuner tuner = Tuner.withoutSources("no sources here", e -> { }, () -> 0);
    final CoalescedWrites writes = new CoalescedWrites(tuner);

    final TunerSnapshot.Item helperK = item("t.Steer.K", false, null, null);
    final TunerSnapshot.Item speed = item("t.Chaser.SPEED", true, "95f", null);
    final TunerSnapshot.Item range = item("t.Chaser.RANGE", true, "80f", "generation 4 was rejected (shadow)");
    final TunerSnapshot.Item radius = item("t.Orbiter.RADIUS", true, null, null);

    static TunerSnapshot.Item item(String qualifiedName, boolean behaviour, String building, String rejected) {
        Tunable t = LiveTunablesTest.tunable(qualifiedName, "t/x.java");
        return new TunerSnapshot.Item(t, t.name(), behaviour, building, rejected);
    }

    static TunerSnapshot snapshot(TunerSnapshot.Item... items) {
        return new TunerSnapshot(1, 0, true, null, List.of(items));
    }

    @AfterEach
    void stop() {
        tuner.close();
    }

    List<String> labels() {
        return view.rows.stream().map(TunablesView.Row::label).toList();
    }

    @Test
    void behavioursFirstThenHelpersEachUnderItsClassWithWhatIsOnItsWay() {
        rows.rebuild(snapshot(helperK, radius, speed, range), writes, null, null);
        assertEquals(List.of("Chaser", "SPEED", "RANGE", "Orbiter", "RADIUS", "Steer", "K"), labels());
        assertEquals(List.of("behaviour", "helper"), List.of(view.rows.get(0).value(), view.rows.get(5).value()));
        assertEquals(1, view.selected, "the first tunable is selected");
        assertEquals(TunablesView.BUILDING, view.rows.get(1).state());
        assertEquals("95f", view.rows.get(1).next());
        assertEquals(TunablesView.REJECTED, view.rows.get(2).state());
        assertEquals(TunablesView.LIVE, view.rows.get(4).state());
        assertNull(view.message);
    }

    @Test
    void theSelectionMovesAcrossGroupsAndStaysOnItsTunableWhenTheRowsChange() {
        rows.rebuild(snapshot(speed, range, radius, helperK), writes, null, null);
        rows.move(1);
        rows.move(1);
        assertEquals(radius, rows.selectedItem());
        rows.move(1);
        rows.move(1);
        assertEquals(helperK, rows.selectedItem(), "no further than the last");
        rows.move(-1);
        rows.rebuild(snapshot(radius, helperK), writes, null, null);
        assertEquals(radius, rows.selectedItem(), "by name, not by row");
        assertEquals(1, view.selected);
        assertNull(rows.itemAt(0), "a title row");
    }

    @Test
    void theMessageIsThePanelsOwnElseTheSelectedRejectionElseTheTunersElseAHint() {
        rows.rebuild(snapshot(range), writes, "12", "typed wrong");
        assertEquals("typed wrong", view.message);
        assertEquals("12", view.editing);
        rows.rebuild(snapshot(range), writes, null, null);
        assertEquals("generation 4 was rejected (shadow)", view.message);
        rows.rebuild(new TunerSnapshot(2, 0, true, "tune: no", List.of(speed)), writes, null, null);
        assertEquals("tune: no", view.message);
        rows.rebuild(snapshot(), writes, null, null);
        assertEquals("the live scripts have no constant written as one literal", view.message);
    }
}
