package dev.pitstop.render;

import java.util.List;

/**
 * What the tunables panel (F3) shows, filled by its controller when something changes, and where
 * the layout last drew it, filled by {@link TunablesLayout} every frame, so that a click is tested
 * against exactly what was on screen. Game thread only.
 */
public final class TunablesView {

    /** The value in the source is the live one. */
    public static final int LIVE = 0;
    /** A new value is written (or about to be) and not live yet. */
    public static final int BUILDING = 1;
    /** The build carrying the new value was rejected; the old one runs on. */
    public static final int REJECTED = 2;

    /**
     * One line of the panel: a group's title ({@code header}, e.g. "Chaser", "behaviour") or a
     * tunable: its field name, its live value as written, and the value on its way, if any.
     *
     * @param next     the value written or being set but not live yet, or null
     * @param state    {@link #LIVE}, {@link #BUILDING} or {@link #REJECTED}
     * @param position where the value lies in its {@code @Range}, in [0, 1], or NaN without one
     */
    public record Row(boolean header, String label, String value, String next, int state, float position) {

        public static Row header(String title, String kind) {
            return new Row(true, title, kind, null, LIVE, Float.NaN);
        }
    }

    public boolean open;
    public List<Row> rows = List.of();
    /** The selected row, or -1. */
    public int selected = -1;
    /** The value being typed into the selected row, or null. */
    public String editing;
    /** The last error, or a hint; null for none. */
    public String message;

    // Where the layout drew the panel, in framebuffer pixels.
    float x;
    float y;
    float width;
    float height;
    float rowsTop;
    float rowHeight;
    int firstRow;
    int shownRows;

    /** Whether (px, py) is on the panel as last drawn. */
    public boolean contains(float px, float py) {
        return open && px >= x && px < x + width && py >= y && py < y + height;
    }

    /** The row drawn at (px, py), or -1. */
    public int rowAt(float px, float py) {
        if (!contains(px, py) || py < rowsTop || rowHeight <= 0) {
            return -1;
        }
        int shown = (int) ((py - rowsTop) / rowHeight);
        int row = firstRow + shown;
        return shown < shownRows && row < rows.size() ? row : -1;
    }

    public float x() {
        return x;
    }

    public float y() {
        return y;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }

    /** The first row drawn (rows scroll so that the selected one stays in view). */
    public int firstRow() {
        return firstRow;
    }
}
