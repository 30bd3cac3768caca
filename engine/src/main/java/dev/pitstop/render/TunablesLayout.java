package dev.pitstop.render;

import java.util.List;

/**
 * Draws the tunables panel (F3) at the right of the screen, under the game bar and beside the
 * HUD: the live scripts' constants grouped by class (behaviours, then helpers), each with its
 * value as written in the source: green when that is what runs, yellow with the new value while
 * it builds, red when its build was rejected. A {@code @Range} shows as a bar under the value.
 * Rows scroll to keep the selected one in view. Text is built in one reused builder. Game thread
 * only.
 */
final class TunablesLayout {

    static final int SELECTED = 0x2A3A5C;
    static final int RANGE_TRACK = 0x3A4458;

    private static final String[] HELP = {
        "up/down: select   left/right, drag: change",
        "shift: finer   ctrl: coarser   Enter: type",
        "Ctrl+Z: undo   Ctrl+Y: redo   F3: close",
    };

    /** Lines of the message at most; the rest is in the terminal and the event log. */
    static final int MESSAGE_LINES = 6;

    private final StringBuilder sb = new StringBuilder(128);

    /** The panel's width for a framebuffer {@code width} wide at text scale {@code s}. */
    static float panelWidth(int width, float s) {
        float pad = 6 * s;
        return Math.max(0f, Math.min(width - 2 * pad, Math.max(width * 0.33f, 280 * s)));
    }

    void layout(Frame f, HudCanvas c, float s) {
        TunablesView v = f.tunables;
        float line = HudLayout.LINE_PIXELS * s;
        float pad = 6 * s;
        float width = panelWidth(f.framebufferWidth, s);
        float x0 = f.framebufferWidth - width - pad;
        float y0 = line + 4 * pad; // under the game bar
        float rowHeight = line + 3 * s;
        int messageLines = v.message == null ? 0 : wrap(c, v.message, width - 2 * pad, s, 0f, 0f, 0, false);
        float footer = (HELP.length + messageLines) * line + pad;
        float rowsTop = y0 + pad + line + pad / 2;
        float available = f.framebufferHeight - pad - pad - footer - rowsTop;
        int shown = Math.max(0, Math.min(v.rows.size(), (int) (available / rowHeight)));
        int first = scroll(v, shown);
        float height = rowsTop - y0 + Math.max(shown, 1) * rowHeight + pad / 2 + footer + pad;

        v.x = x0;
        v.y = y0;
        v.width = width;
        v.height = height;
        v.rowsTop = rowsTop;
        v.rowHeight = rowHeight;
        v.firstRow = first;
        v.shownRows = shown;

        c.rect(x0, y0, width, height, HudLayout.PANEL, 0.8f);
        float x = x0 + pad;
        float right = x0 + width - pad;
        sb.setLength(0);
        sb.append("TUNABLES");
        if (v.rows.size() > shown) {
            sb.append("   ").append(first + 1).append('-').append(first + shown).append(" of ").append(v.rows.size());
        }
        c.text(x, y0 + pad, sb, HudLayout.TEXT, s);
        legend(c, right, y0 + pad, s);

        float y = rowsTop;
        if (v.rows.isEmpty()) {
            c.text(x, y, "nothing to tune", HudLayout.DIM, s);
        }
        for (int i = first; i < first + shown; i++) {
            row(c, v, i, x0, x, right, y, rowHeight, s);
            y += rowHeight;
        }
        y = Math.max(y, rowsTop + rowHeight) + pad / 2;
        if (v.message != null) {
            wrap(c, v.message, width - 2 * pad, s, x, y, HudLayout.NOTICE, true);
            y += messageLines * line;
        }
        for (String help : HELP) {
            c.text(x, y, help, HudLayout.DIM, s);
            y += line;
        }
    }

    /** The first row to draw so that the selected one is among the {@code shown}. */
    private static int scroll(TunablesView v, int shown) {
        int first = Math.max(0, Math.min(v.firstRow, v.rows.size() - shown));
        if (v.selected >= 0 && shown > 0) {
            if (v.selected < first) {
                // Scrolling up to a group's first tunable brings its title along.
                first = v.selected > 0 && v.rows.get(v.selected - 1).header() ? v.selected - 1 : v.selected;
            } else if (v.selected >= first + shown) {
                first = v.selected - shown + 1;
            }
        }
        return Math.max(0, first);
    }

    private void legend(HudCanvas c, float right, float y, float s) {
        float x = right;
        String[] words = {"rejected", "building", "live"};
        int[] colours = {HudLayout.ERROR, HudLayout.NOTICE, HudLayout.GOOD};
        for (int i = 0; i < words.length; i++) {
            x -= c.textWidth(words[i], s);
            c.text(x, y, words[i], colours[i], s);
            x -= 8 * s;
        }
    }

    private void row(HudCanvas c, TunablesView v, int i, float x0, float x, float right, float y, float rowHeight,
            float s) {
        TunablesView.Row r = v.rows.get(i);
        if (r.header()) {
            sb.setLength(0);
            sb.append(r.label());
            c.text(x, y + s, sb, HudLayout.TEXT, s);
            c.text(x + c.textWidth(sb, s) + 6 * s, y + s, r.value(), HudLayout.DIM, s);
            return;
        }
        if (i == v.selected) {
            c.rect(x0 + 2 * s, y, right - x0, rowHeight, SELECTED, 0.9f);
        }
        c.text(x + 8 * s, y + s, r.label(), i == v.selected ? HudLayout.TEXT : HudLayout.DIM, s);
        float vx = right;
        if (i == v.selected && v.editing != null) {
            sb.setLength(0);
            sb.append("= ").append(v.editing).append('_');
            vx -= c.textWidth(sb, s);
            c.rect(vx - 2 * s, y, right - vx + 4 * s, rowHeight, 0x000000, 0.7f);
            c.text(vx, y + s, sb, HudLayout.TEXT, s);
            return;
        }
        if (r.next() != null) {
            int colour = r.state() == TunablesView.REJECTED ? HudLayout.ERROR : HudLayout.NOTICE;
            vx -= c.textWidth(r.next(), s);
            c.text(vx, y + s, r.next(), colour, s);
            sb.setLength(0);
            sb.append(r.value()).append(" > ");
            vx -= c.textWidth(sb, s);
            c.text(vx, y + s, sb, HudLayout.DIM, s);
        } else {
            vx -= c.textWidth(r.value(), s);
            c.text(vx, y + s, r.value(), HudLayout.GOOD, s);
        }
        if (!Float.isNaN(r.position())) {
            float trackWidth = (right - x) * 0.3f;
            float tx = right - trackWidth;
            float ty = y + rowHeight - 2 * s;
            c.rect(tx, ty, trackWidth, Math.max(1f, s), RANGE_TRACK, 1f);
            c.rect(tx, ty, trackWidth * Math.max(0f, Math.min(1f, r.position())), Math.max(1f, s), HudLayout.GRAPH_BAR, 1f);
        }
    }

    /**
     * Word-wraps {@code text} to {@code width} and, if {@code draw}, draws it from (x, y).
     *
     * @return the number of lines
     */
    private int wrap(HudCanvas c, String text, float width, float s, float x, float y, int rgb, boolean draw) {
        int lines = 0;
        int start = 0;
        float line = HudLayout.LINE_PIXELS * s;
        while (start < text.length() && lines < MESSAGE_LINES) {
            int end = text.length();
            sb.setLength(0);
            sb.append(text, start, end);
            if (c.textWidth(sb, s) > width) {
                int fit = start;
                int next = text.indexOf(' ', start + 1);
                while (next > 0) {
                    sb.setLength(0);
                    sb.append(text, start, next);
                    if (c.textWidth(sb, s) > width) {
                        break;
                    }
                    fit = next;
                    next = text.indexOf(' ', next + 1);
                }
                end = fit > start ? fit : Math.min(text.length(), start + Math.max(1, (int) (width / (6 * s))));
            }
            if (draw) {
                sb.setLength(0);
                sb.append(text, start, end);
                c.text(x, y + lines * line, sb, rgb, s);
            }
            lines++;
            start = end;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
        }
        return lines;
    }

    static List<String> help() {
        return List.of(HELP);
    }
}
