package dev.pitstop.tune;

import dev.pitstop.input.PanelInput;
import dev.pitstop.render.TunablesView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tunables panel (F3): turns keys, typing and mouse drags into tunes and keeps the panel's
 * rows ({@link TunablesView}) in step with the {@link Tuner}. Up and down select; left and right
 * step the value (shift finer, ctrl coarser; a boolean flips); Enter types a value; a drag
 * sideways moves it; Ctrl+Z and Ctrl+Y undo and redo. Every change is the same write as stdin's
 * {@code tune}; while a value moves, writes are coalesced: at most one per
 * {@link #WRITE_INTERVAL_NANOS}, the last value wins, and the panel shows it at once as building.
 *
 * <p>Game thread only: it never waits for the tuner, whose work runs on its own thread.
 */
public final class TunerPanel {

    /** At most five writes a second while a value is dragged or stepped; each is a build. */
    static final long WRITE_INTERVAL_NANOS = 200_000_000L;
    /** How far the mouse moves for one step, in pixels at text scale 1. */
    static final float DRAG_PIXELS_PER_STEP = 6f;
    private static final int MAX_TYPED = 32;

    private final Tuner tuner;
    private final TunablesView view;
    private Tuner.Snapshot shown;
    /** Parallel to the view's rows: the item of each, null for a group's title. */
    private List<Tuner.Item> rowItems = List.of();
    private String selected;
    private Target target;
    private long lastSentNanos;
    private boolean sentAny;
    private Drag drag;
    private String typed;
    private String note;
    private boolean stale = true;

    /**
     * A value being set: not handed to the tuner yet ({@code number} 0), or handed over and not
     * yet handled by it.
     */
    private record Target(Tunable tunable, String input, String text, long number) { }

    /** A drag that began at {@code startX} on a tunable whose value was {@code start}. */
    private record Drag(Tunable tunable, float startX, BigDecimal start) { }

    public TunerPanel(Tuner tuner, TunablesView view) {
        this.tuner = Objects.requireNonNull(tuner);
        this.view = Objects.requireNonNull(view);
    }

    /** F3, stdin {@code panel}: opens or closes the panel (a value being typed is dropped). */
    public void toggle() {
        view.open = !view.open;
        if (!view.open) {
            typed = null;
            drag = null;
        }
        stale = true;
    }

    /** Whether keys are being typed into a value (the window then keeps them from the game). */
    public boolean typing() {
        return view.open && typed != null;
    }

    /**
     * One input event from the window.
     *
     * @param nanos {@link System#nanoTime()} now
     * @param scale the text scale the panel is drawn at
     */
    public void handle(PanelInput.Event e, long nanos, float scale) {
        if (!view.open) {
            return;
        }
        switch (e.kind()) {
            case KEY -> key(e.key(), e.mods(), nanos);
            case CHAR -> {
                if (typed != null && e.codepoint() >= 0x20 && e.codepoint() < 0x7F && typed.length() < MAX_TYPED) {
                    typed += (char) e.codepoint();
                    stale = true;
                }
            }
            case PRESS -> press(e.x(), e.y(), nanos);
            case DRAG -> dragTo(e.x(), e.mods(), nanos, scale);
            case RELEASE -> drag = null;
        }
    }

    private void key(PanelInput.Key key, int mods, long nanos) {
        boolean finer = (mods & PanelInput.SHIFT) != 0;
        boolean coarser = (mods & PanelInput.CTRL) != 0;
        if (typed != null) {
            switch (key) {
                case ENTER -> commitTyped(nanos);
                case ESCAPE -> typed = null;
                case BACKSPACE -> typed = typed.isEmpty() ? typed : typed.substring(0, typed.length() - 1);
                default -> { }
            }
            stale = true;
            return;
        }
        switch (key) {
            case UP -> move(-1);
            case DOWN -> move(1);
            case LEFT -> nudge(-1, finer, coarser, nanos);
            case RIGHT -> nudge(1, finer, coarser, nanos);
            case ENTER -> {
                if (selectedItem() != null) {
                    typed = "";
                    note = null;
                }
            }
            case UNDO -> {
                flush(nanos);
                tuner.undo();
            }
            case REDO -> {
                flush(nanos);
                tuner.redo();
            }
            default -> { }
        }
        stale = true;
    }

    private void move(int by) {
        int row = selectedRow();
        for (int i = row + by; i >= 0 && i < rowItems.size(); i += by) {
            if (rowItems.get(i) != null) {
                selected = rowItems.get(i).tunable().qualifiedName();
                return;
            }
        }
    }

    private void nudge(int direction, boolean finer, boolean coarser, long nanos) {
        Tuner.Item item = selectedItem();
        if (item == null) {
            return;
        }
        Tunable t = item.tunable();
        if (t.type() == TunableType.BOOLEAN) {
            set(t, Boolean.toString(!currentBoolean(item)), nanos);
            return;
        }
        BigDecimal now = currentNumber(item);
        BigDecimal step = StepSize.of(t, now, finer, coarser);
        set(t, StepSize.clamp(t, now.add(step.multiply(BigDecimal.valueOf(direction)))).toPlainString(), nanos);
    }

    private void press(float x, float y, long nanos) {
        typed = null;
        int row = view.rowAt(x, y);
        if (row < 0 || row >= rowItems.size() || rowItems.get(row) == null) {
            return;
        }
        Tuner.Item item = rowItems.get(row);
        Tunable t = item.tunable();
        boolean already = t.qualifiedName().equals(selected);
        selected = t.qualifiedName();
        if (t.type() == TunableType.BOOLEAN) {
            if (already) {
                set(t, Boolean.toString(!currentBoolean(item)), nanos);
            }
        } else {
            drag = new Drag(t, x, currentNumber(item));
        }
        stale = true;
    }

    private void dragTo(float x, int mods, long nanos, float scale) {
        if (drag == null) {
            return;
        }
        Tunable t = drag.tunable;
        long steps = Math.round((x - drag.startX) / (DRAG_PIXELS_PER_STEP * Math.max(0.5f, scale)));
        BigDecimal step = StepSize.of(t, drag.start, (mods & PanelInput.SHIFT) != 0, (mods & PanelInput.CTRL) != 0);
        BigDecimal value = StepSize.clamp(t, drag.start.add(step.multiply(BigDecimal.valueOf(steps))));
        String input = value.toPlainString();
        if (target != null && target.tunable.qualifiedName().equals(t.qualifiedName()) && target.input.equals(input)) {
            return;
        }
        if (target == null && steps == 0) {
            return; // a click without a move changes nothing
        }
        set(t, input, nanos);
    }

    private void commitTyped(long nanos) {
        Tuner.Item item = selectedItem();
        if (item == null) {
            typed = null;
            return;
        }
        try {
            ValueSyntax.parse(item.tunable().type(), item.name(), typed);
        } catch (ValueSyntax.BadValue e) {
            note = e.getMessage();
            return; // keep typing
        }
        set(item.tunable(), typed, nanos);
        typed = null;
        flush(nanos); // a typed value is meant: write it now
    }

    /** The value to set {@code t} to is {@code input}: written now, or when the interval since the last write is up. */
    private void set(Tunable t, String input, long nanos) {
        String text;
        try {
            text = ValueSyntax.replacement(t, ValueSyntax.parse(t.type(), t.name(), input)).valueText();
        } catch (ValueSyntax.BadValue e) {
            note = e.getMessage();
            stale = true;
            return;
        }
        note = null;
        target = new Target(t, input, text, 0);
        stale = true;
        if (!sentAny || nanos - lastSentNanos >= WRITE_INTERVAL_NANOS) {
            flush(nanos);
        }
    }

    /** Hands a value not yet written to the tuner. */
    private void flush(long nanos) {
        if (target != null && target.number == 0) {
            long number = tuner.tune(target.tunable.qualifiedName(), target.input);
            target = new Target(target.tunable, target.input, target.text, number);
            lastSentNanos = nanos;
            sentAny = true;
        }
    }

    /** Once a frame: writes a coalesced value whose time has come and brings the rows up to date. */
    public void frame(long nanos) {
        Tuner.Snapshot now = tuner.snapshot();
        if (now != shown) {
            shown = now;
            stale = true;
        }
        if (target != null && target.number != 0 && shown.done() >= target.number) {
            target = null; // written (its value shows as building) or refused (the message says why)
            stale = true;
        }
        if (target != null && target.number == 0 && nanos - lastSentNanos >= WRITE_INTERVAL_NANOS) {
            flush(nanos);
        }
        if (stale && view.open) {
            rebuild();
            stale = false;
        }
    }

    private void rebuild() {
        Map<String, List<Tuner.Item>> behaviours = new LinkedHashMap<>();
        Map<String, List<Tuner.Item>> helpers = new LinkedHashMap<>();
        for (Tuner.Item item : shown.items()) {
            String name = item.name();
            String field = item.tunable().name().substring(item.tunable().owner().length() + 1);
            String group = name.substring(0, name.length() - field.length() - 1);
            (item.behaviour() ? behaviours : helpers).computeIfAbsent(group, g -> new ArrayList<>()).add(item);
        }
        List<TunablesView.Row> rows = new ArrayList<>();
        List<Tuner.Item> items = new ArrayList<>();
        int selectedRow = -1;
        int firstItemRow = -1;
        for (Map<String, List<Tuner.Item>> kind : List.of(behaviours, helpers)) {
            List<String> groups = new ArrayList<>(kind.keySet());
            groups.sort(null);
            for (String group : groups) {
                rows.add(TunablesView.Row.header(group, kind == behaviours ? "behaviour" : "helper"));
                items.add(null);
                for (Tuner.Item item : kind.get(group)) {
                    if (firstItemRow < 0) {
                        firstItemRow = rows.size();
                    }
                    if (item.tunable().qualifiedName().equals(selected)) {
                        selectedRow = rows.size();
                    }
                    rows.add(row(item));
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
        Tuner.Item chosen = selectedItem();
        view.message = note != null ? note
                : chosen != null && chosen.rejected() != null && chosen.building() != null ? chosen.rejected()
                : shown.message() != null ? shown.message()
                : shown.items().isEmpty() ? "the live scripts have no constant written as one literal" : null;
    }

    private TunablesView.Row row(Tuner.Item item) {
        Tunable t = item.tunable();
        String field = t.name().substring(t.owner().length() + 1);
        String next = null;
        int state = TunablesView.LIVE;
        if (target != null && target.tunable.qualifiedName().equals(t.qualifiedName())) {
            next = target.text;
            state = TunablesView.BUILDING;
        } else if (item.building() != null) {
            next = item.building();
            state = item.rejected() != null ? TunablesView.REJECTED : TunablesView.BUILDING;
        }
        float position = Float.NaN;
        if (t.range() != null && t.number() != null) {
            position = (float) t.range().position(currentNumber(item).doubleValue());
        }
        return new TunablesView.Row(false, field, t.text(), next, state, position);
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

    private Tuner.Item selectedItem() {
        int row = selectedRow();
        return row >= 0 && row < rowItems.size() ? rowItems.get(row) : null;
    }

    /** The value the panel shows for {@code item}: the one being set, else the one building, else the live one. */
    private BigDecimal currentNumber(Tuner.Item item) {
        Tunable t = item.tunable();
        String text = target != null && target.tunable.qualifiedName().equals(t.qualifiedName()) ? target.input
                : item.building();
        if (text != null) {
            try {
                BigDecimal n = ValueSyntax.parse(t.type(), t.name(), text).number();
                if (n != null) {
                    return t.type().whole() ? n.setScale(0, RoundingMode.HALF_EVEN) : n;
                }
            } catch (ValueSyntax.BadValue e) {
                // written in a form the reader does not take (a comment after the sign, say): the live value then
            }
        }
        return t.number();
    }

    private boolean currentBoolean(Tuner.Item item) {
        Tunable t = item.tunable();
        String text = target != null && target.tunable.qualifiedName().equals(t.qualifiedName()) ? target.input
                : item.building() != null ? item.building() : t.text();
        return text.equals("true");
    }
}
