package dev.pitstop.tune;

import dev.pitstop.input.PanelInput;
import dev.pitstop.render.TunablesView;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The tunables panel (F3): turns keys, typing and mouse drags into tunes and keeps the panel's
 * rows ({@link TunablesView}) in step with the {@link Tuner}. Up and down select; left and right
 * step the value (shift finer, ctrl coarser; a boolean flips); Enter types a value; a drag
 * sideways moves it; Ctrl+Z and Ctrl+Y undo and redo. Every change is the same write as stdin's
 * {@code tune}, coalesced while a value moves ({@link CoalescedWrites}); the rows and the
 * selection are {@link PanelRows}'.
 *
 * <p>Game thread only: it never waits for the tuner, whose work runs on its own thread.
 */
public final class TunerPanel {

    /** How far the mouse moves for one step, in pixels at text scale 1. */
    static final float DRAG_PIXELS_PER_STEP = 6f;
    private static final int MAX_TYPED = 32;

    private final Tuner tuner;
    private final TunablesView view;
    private final CoalescedWrites writes;
    private final PanelRows rows;
    private TunerSnapshot shown;
    private Drag drag;
    private String typed;
    private String note;
    private boolean stale = true;

    /** A drag that began at {@code startX} on a tunable whose value was {@code start}. */
    private record Drag(Tunable tunable, float startX, BigDecimal start) { }

    public TunerPanel(Tuner tuner, TunablesView view) {
        this.tuner = Objects.requireNonNull(tuner);
        this.view = Objects.requireNonNull(view);
        this.writes = new CoalescedWrites(tuner);
        this.rows = new PanelRows(view);
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
            case UP -> rows.move(-1);
            case DOWN -> rows.move(1);
            case LEFT -> nudge(-1, finer, coarser, nanos);
            case RIGHT -> nudge(1, finer, coarser, nanos);
            case ENTER -> {
                if (rows.selectedItem() != null) {
                    typed = "";
                    note = null;
                }
            }
            case UNDO -> {
                writes.flush(nanos); // what is being set is written first, so the undo takes it back
                tuner.undo();
            }
            case REDO -> {
                writes.flush(nanos);
                tuner.redo();
            }
            default -> { }
        }
        stale = true;
    }

    private void nudge(int direction, boolean finer, boolean coarser, long nanos) {
        TunerSnapshot.Item item = rows.selectedItem();
        if (item == null) {
            return;
        }
        Tunable t = item.tunable();
        if (t.type() == TunableType.BOOLEAN) {
            set(t, Boolean.toString(!writes.shownBoolean(item)), nanos);
            return;
        }
        BigDecimal now = writes.shownNumber(item);
        BigDecimal step = StepSize.of(t, now, finer, coarser);
        set(t, StepSize.clamp(t, now.add(step.multiply(BigDecimal.valueOf(direction)))).toPlainString(), nanos);
    }

    private void press(float x, float y, long nanos) {
        typed = null;
        TunerSnapshot.Item item = rows.itemAt(view.rowAt(x, y));
        if (item == null) {
            return;
        }
        Tunable t = item.tunable();
        boolean already = rows.isSelected(t);
        rows.select(t);
        if (t.type() == TunableType.BOOLEAN) {
            if (already) {
                set(t, Boolean.toString(!writes.shownBoolean(item)), nanos);
            }
        } else {
            drag = new Drag(t, x, writes.shownNumber(item));
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
        if (writes.setting(t, input)) {
            return;
        }
        if (writes.idle() && steps == 0) {
            return; // a click without a move changes nothing
        }
        set(t, input, nanos);
    }

    private void commitTyped(long nanos) {
        TunerSnapshot.Item item = rows.selectedItem();
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
        writes.flush(nanos); // a typed value is meant: write it now
    }

    /** The value to set {@code t} to is {@code input}; one the panel cannot take is said, not written. */
    private void set(Tunable t, String input, long nanos) {
        try {
            writes.set(t, input, nanos);
            note = null;
        } catch (ValueSyntax.BadValue e) {
            note = e.getMessage();
        }
        stale = true;
    }

    /** Once a frame: writes a coalesced value whose time has come and brings the rows up to date. */
    public void frame(long nanos) {
        TunerSnapshot now = tuner.snapshot();
        if (now != shown) {
            shown = now;
            stale = true;
        }
        if (writes.frame(shown.done(), nanos)) {
            stale = true;
        }
        if (stale && view.open) {
            rows.rebuild(shown, writes, typed, note);
            stale = false;
        }
    }
}
