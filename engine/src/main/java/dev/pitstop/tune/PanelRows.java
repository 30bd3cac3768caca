package dev.pitstop.tune;

import dev.pitstop.render.TunablesView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The panel's rows and its selection: the tuner's items grouped by class, behaviours first, then
 * helpers, each group under a title row, written into the {@link TunablesView} the layout draws.
 * The selection is kept by name, not by row, so that it stays on its tunable when the rows change
 * (a generation goes live, a file gains a constant). Game thread only.
 */
final class PanelRows {

    private final TunablesView view;
    /** Parallel to the view's rows: the item of each, null for a group's title. */
    private List<TunerSnapshot.Item> rowItems = List.of();
    /** The selected tunable's qualified name, or null. */
    private String selected;

    PanelRows(TunablesView view) {
        this.view = Objects.requireNonNull(view);
    }

    /**
     * Writes {@code shown}'s items into the view, each with the value being set or building.
     *
     * @param typed what is being typed into the selected row, or null
     * @param note  what the panel itself has to say (a value it cannot take), or null
     */
    void rebuild(TunerSnapshot shown, CoalescedWrites writes, String typed, String note) {
        Map<String, List<TunerSnapshot.Item>> behaviours = new LinkedHashMap<>();
        Map<String, List<TunerSnapshot.Item>> helpers = new LinkedHashMap<>();
        for (TunerSnapshot.Item item : shown.items()) {
            String name = item.name();
            String field = item.tunable().name().substring(item.tunable().owner().length() + 1);
            String group = name.substring(0, name.length() - field.length() - 1);
            (item.behaviour() ? behaviours : helpers).computeIfAbsent(group, g -> new ArrayList<>()).add(item);
        }
        List<TunablesView.Row> rows = new ArrayList<>();
        List<TunerSnapshot.Item> items = new ArrayList<>();
        int selectedRow = -1;
        int firstItemRow = -1;
        for (Map<String, List<TunerSnapshot.Item>> kind : List.of(behaviours, helpers)) {
            List<String> groups = new ArrayList<>(kind.keySet());
            groups.sort(null);
            for (String group : groups) {
                rows.add(TunablesView.Row.header(group, kind == behaviours ? "behaviour" : "helper"));
                items.add(null);
                for (TunerSnapshot.Item item : kind.get(group)) {
                    if (firstItemRow < 0) {
                        firstItemRow = rows.size();
                    }
                    if (item.tunable().qualifiedName().equals(selected)) {
                        selectedRow = rows.size();
                    }
                    rows.add(row(item, writes));
                    items.add(item);
                }
            }
        }
        if (selectedRow < 0 && firstItemRow >= 0) {
            selectedRow = firstItemRow;
            selected = items.get(firstItemRow).tunable().qualifiedName();
        }
        rowItems = items;
        view.rows = List.copyOf(rows);
        view.selected = selectedRow;
        view.editing = typed;
        TunerSnapshot.Item chosen = selectedItem();
        view.message = note != null ? note
                : chosen != null && chosen.rejected() != null && chosen.building() != null ? chosen.rejected()
                : shown.message() != null ? shown.message()
                : shown.items().isEmpty() ? "the live scripts have no constant written as one literal" : null;
    }

    private static TunablesView.Row row(TunerSnapshot.Item item, CoalescedWrites writes) {
        Tunable t = item.tunable();
        String field = t.name().substring(t.owner().length() + 1);
        String next = writes.text(t); // what the panel is setting comes first: it is the newest
        int state = next != null ? TunablesView.BUILDING : TunablesView.LIVE;
        if (next == null && item.building() != null) {
            next = item.building();
            state = item.rejected() != null ? TunablesView.REJECTED : TunablesView.BUILDING;
        }
        float position = Float.NaN;
        if (t.range() != null && t.number() != null) {
            position = (float) t.range().position(writes.shownNumber(item).doubleValue());
        }
        return new TunablesView.Row(false, field, t.text(), next, state, position);
    }

    /** Selects the next tunable up ({@code by} -1) or down (1), across groups; none past the ends. */
    void move(int by) {
        int row = selectedRow();
        for (int i = row + by; i >= 0 && i < rowItems.size(); i += by) {
            if (rowItems.get(i) != null) {
                selected = rowItems.get(i).tunable().qualifiedName();
                return;
            }
        }
    }

    /** The item on the view's row {@code row} (from {@link TunablesView#rowAt}), or null for a title or none. */
    TunerSnapshot.Item itemAt(int row) {
        return row >= 0 && row < rowItems.size() ? rowItems.get(row) : null;
    }

    void select(Tunable t) {
        selected = t.qualifiedName();
    }

    boolean isSelected(Tunable t) {
        return t.qualifiedName().equals(selected);
    }

    TunerSnapshot.Item selectedItem() {
        return itemAt(selectedRow());
    }

    /** The selected row by the selected name (several keys may come in one frame, before the rows are rebuilt). */
    private int selectedRow() {
        for (int i = 0; i < rowItems.size(); i++) {
            if (rowItems.get(i) != null && rowItems.get(i).tunable().qualifiedName().equals(selected)) {
                return i;
            }
        }
        return view.selected;
    }
}
