package dev.pitstop.input;

import java.util.ArrayDeque;

/**
 * What the window hands the tunables panel (F3): keys, typed characters and the left mouse button
 * over the panel, in order, in framebuffer pixels; and back, what the panel is doing (open,
 * typing a value, where it is drawn), which decides what the window routes here instead of to
 * the player: arrow keys and clicks on the panel while it is open, every key but F1-F12 while a
 * value is typed. Window callbacks only record here; the frame loop hands the events to the panel
 * between frames. Game thread only (GLFW calls its callbacks on the thread that polls events).
 */
public final class PanelInput {

    /** Keys the panel acts on. */
    public enum Key { UP, DOWN, LEFT, RIGHT, ENTER, ESCAPE, BACKSPACE, UNDO, REDO }

    /** What happened. */
    public enum Kind { KEY, CHAR, PRESS, DRAG, RELEASE }

    /** Modifier bits of an event. */
    public static final int SHIFT = 1;
    public static final int CTRL = 2;

    /** Events kept between two frames at most; a flood of cursor moves loses its oldest. */
    public static final int CAPACITY = 256;

    /**
     * One input event: {@code key} for {@link Kind#KEY}, {@code codepoint} for {@link Kind#CHAR},
     * {@code x, y} (framebuffer pixels) for the mouse.
     */
    public record Event(Kind kind, Key key, int mods, float x, float y, int codepoint) { }

    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private boolean open;
    private boolean typing;
    private boolean dragging;
    private float left;
    private float top;
    private float right;
    private float bottom;

    // ---- what the panel does (set by the frame loop) ----

    /** The panel is open, and a value is being typed into it (or not). */
    public void state(boolean open, boolean typing) {
        this.open = open;
        this.typing = open && typing;
        if (!open) {
            dragging = false;
        }
    }

    /** Where the panel was last drawn, in framebuffer pixels (empty when closed). */
    public void bounds(float x, float y, float width, float height) {
        left = x;
        top = y;
        right = x + width;
        bottom = y + height;
    }

    public boolean open() {
        return open;
    }

    public boolean typing() {
        return typing;
    }

    /** Whether a press began on the panel and the button is still down. */
    public boolean dragging() {
        return dragging;
    }

    /** Whether (x, y), in framebuffer pixels, is on the open panel. */
    public boolean over(float x, float y) {
        return open && x >= left && x < right && y >= top && y < bottom;
    }

    // ---- the window's side ----

    public void key(Key key, int mods) {
        add(new Event(Kind.KEY, key, mods, 0f, 0f, 0));
    }

    public void character(int codepoint) {
        add(new Event(Kind.CHAR, null, 0, 0f, 0f, codepoint));
    }

    public void press(float x, float y, int mods) {
        dragging = true;
        add(new Event(Kind.PRESS, null, mods, x, y, 0));
    }

    public void drag(float x, float y, int mods) {
        if (dragging) {
            add(new Event(Kind.DRAG, null, mods, x, y, 0));
        }
    }

    public void release(float x, float y, int mods) {
        if (dragging) {
            dragging = false;
            add(new Event(Kind.RELEASE, null, mods, x, y, 0));
        }
    }

    private void add(Event e) {
        if (events.size() >= CAPACITY) {
            events.removeFirst();
        }
        events.addLast(e);
    }

    // ---- the frame loop's side ----

    /** The oldest event not yet taken, or null. */
    public Event poll() {
        return events.pollFirst();
    }
}
