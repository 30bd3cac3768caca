package dev.pitstop.render;

import dev.pitstop.world.Player;
import dev.pitstop.world.WorldState;
import java.util.List;

/**
 * Lays out what is drawn over the arena, in framebuffer pixels: the game bar (health, score,
 * wave; always), the errors panel (script and shader errors; always, while there are any), the
 * HUD proper (F1: fps, tick, entities, generation, last reload and swap, frame-time graph with
 * swap marks, script log, hotkeys) and the banners (paused, game over, arena clear). Text is built
 * in one reused builder and numbers are written digit by digit, so a layout allocates nothing.
 * Game thread only.
 */
public final class HudLayout {

    /** The font's line advance at scale 1, in pixels (stb_easy_font's). */
    public static final float LINE_PIXELS = 12f;
    /** The frame-time graph's full height stands for this many milliseconds. */
    public static final float GRAPH_MAX_MILLIS = 40f;

    static final int TEXT = 0xE6EBF5;
    static final int DIM = 0x8C96A8;
    static final int GOOD = 0x7CE39A;
    static final int ERROR = 0xFF6B6B;
    static final int SHADER_ERROR = 0xFFA04D;
    static final int NOTICE = 0xFFD66B;
    static final int PANEL = 0x05070C;
    static final int SWAP_MARK = 0xFF4DFF;
    static final int GRAPH_BAR = 0x58A6FF;
    static final int GRAPH_SLOW = 0xFF7A45;
    static final int GRAPH_GUIDE = 0x6B7890;

    // Two lines, so that the HUD leaves room at its right for the tunables panel (F3).
    private static final String HOTKEYS = "F1 HUD  F2 debug  F3 tunables  F5 reload  F6 loop  F7 rollback";
    private static final String MORE_HOTKEYS = "F8 A/B  P pause  . step  R restart  Esc quit";
    /** As wide as the reload line gets with everyday times. */
    private static final String WIDEST_RELOAD = "reload #00: detected 0.0  compiled 00.0  verified 0.0  loaded 0.0  shadow 00.0 ms";

    private final StringBuilder sb = new StringBuilder(256);
    private final TunablesLayout tunables = new TunablesLayout();

    /** Text scale for a framebuffer this tall: the font is 12 pixels a line at scale 1. */
    public static float scaleFor(int framebufferHeight) {
        return framebufferHeight >= 1300 ? 2f : framebufferHeight >= 620 ? 1.5f : 1f;
    }

    public void layout(Frame f, HudCanvas c) {
        float s = scaleFor(f.framebufferHeight);
        gameBar(f, c, s);
        if (f.showHud) {
            hud(f, c, s);
        }
        if (f.tunables.open) {
            tunables.layout(f, c, s);
        }
        errors(f, c, s);
        banners(f, c, s);
    }

    private void gameBar(Frame f, HudCanvas c, float s) {
        WorldState w = f.world;
        Player p = w.player;
        float line = LINE_PIXELS * s;
        float pad = 6 * s;
        float cell = 10 * s;
        int cells = (int) Player.MAX_HEALTH;
        float barWidth = cells * (cell + 2 * s);
        sb.setLength(0);
        sb.append("SCORE ").append(p.score);
        int total = w.waves.waves().size();
        if (total > 0) {
            sb.append("   WAVE ").append(Math.min(w.waves.next, total)).append('/').append(total);
        }
        float textWidth = c.textWidth(sb, s);
        float width = barWidth + textWidth + 4 * pad;
        float x0 = f.framebufferWidth - width - pad;
        c.rect(x0, pad, width, line + 2 * pad, PANEL, 0.6f);
        float x = x0 + pad;
        for (int i = 0; i < cells; i++) {
            boolean full = p.health >= i + 1;
            c.rect(x, pad * 2, cell, line - 2 * s, full ? 0x5BE37D : 0x3A2630, 1f);
            x += cell + 2 * s;
        }
        c.text(x + 2 * pad, pad * 2, sb, TEXT, s);
    }

    private void hud(Frame f, HudCanvas c, float s) {
        WorldState w = f.world;
        HudModel.State h = f.hud.state();
        FrameTimes times = f.frameTimes;
        float line = LINE_PIXELS * s;
        float pad = 6 * s;
        float width = Math.min(f.framebufferWidth - 2 * pad, Math.max(FrameTimes.CAPACITY * barWidth(s),
                Math.max(c.textWidth(HOTKEYS, s), c.textWidth(WIDEST_RELOAD, s))) + 2 * pad);
        int logLines = h.logs().size();
        float graphHeight = 48 * s;
        float height = pad * 2 + line * (7 + (logLines > 0 ? logLines + 1 : 0) + (h.notice() != null ? 1 : 0))
                + graphHeight + pad * 2;
        c.rect(pad, pad, width, height, PANEL, 0.6f);
        float x = pad * 2;
        float y = pad * 2;

        sb.setLength(0);
        sb.append("fps ").append(times.framesPerSecond()).append("   frame ");
        appendFixed(sb, times.size() > 0 ? times.millisAgo(0) : 0f, 1).append(" ms   tick ").append(w.tick)
                .append("   entities ").append(w.entities.count).append("   shots ").append(w.projectiles.count);
        c.text(x, y, sb, TEXT, s);
        y += line;

        sb.setLength(0);
        sb.append("generation ").append(f.generation);
        if (f.paused) {
            sb.append("   PAUSED");
        }
        if (f.loopState == Frame.LOOP_MARKED) {
            sb.append("   loop start marked (F6 closes it)");
        } else if (f.loopState == Frame.LOOP_PLAYING) {
            sb.append("   loop pass ").append(f.loopIteration).append(" at ").append(f.loopPosition).append('/')
                    .append(f.loopLength).append(" (F6 leaves)");
        }
        sb.append("   debug drawing ").append(f.showDebug ? "on" : "off");
        c.text(x, y, sb, TEXT, s);
        y += line;

        sb.setLength(0);
        if (h.reloadGeneration() == 0) {
            sb.append("reload: none yet (save a script, or F5)");
        } else {
            sb.append("reload #").append(h.reloadGeneration()).append(':');
            phase(sb, " detected ", h.detectedMs());
            phase(sb, "  compiled ", h.compiledMs());
            phase(sb, "  verified ", h.verifiedMs());
            phase(sb, "  loaded ", h.loadedMs());
            phase(sb, "  shadow ", h.shadowMs());
            sb.append(" ms");
        }
        c.text(x, y, sb, TEXT, s);
        y += line;

        sb.setLength(0);
        if (h.swapCount() == 0) {
            sb.append("swap: none yet");
        } else {
            sb.append("swap to #").append(h.swapGeneration()).append(": pause ");
            appendFixed(sb, h.pauseMicros(), 1).append(" us, edit to live ");
            appendFixed(sb, h.editToSwapMs(), 1).append(" ms");
        }
        c.text(x, y, sb, h.swapCount() == 0 ? DIM : GOOD, s);
        y += line;

        y += pad / 2;
        graph(times, c, x, y, Math.min(width - 2 * pad, FrameTimes.CAPACITY * barWidth(s)), graphHeight, s);
        y += graphHeight + pad / 2;
        sb.setLength(0);
        sb.append("frame time, last ").append(FrameTimes.CAPACITY).append(" frames (line ");
        appendFixed(sb, GRAPH_MAX_MILLIS / 2, 0).append(" ms; magenta: swap)");
        c.text(x, y, sb, DIM, s);
        y += line;

        if (logLines > 0) {
            c.text(x, y, "script log:", DIM, s);
            y += line;
            List<String> logs = h.logs();
            for (int i = 0; i < logLines; i++) {
                c.text(x, y, logs.get(i), TEXT, s);
                y += line;
            }
        }
        if (h.notice() != null) {
            c.text(x, y, h.notice(), NOTICE, s);
            y += line;
        }
        c.text(x, y, HOTKEYS, DIM, s);
        c.text(x, y + line, MORE_HOTKEYS, DIM, s);
    }

    private static void phase(StringBuilder sb, String name, double ms) {
        sb.append(name);
        if (Double.isNaN(ms)) {
            sb.append('-');
        } else {
            appendFixed(sb, ms, 1);
        }
    }

    /** One frame's bar in the graph, in pixels. */
    static float barWidth(float scale) {
        return Math.max(1f, scale);
    }

    private static void graph(FrameTimes times, HudCanvas c, float x, float y, float width, float height, float s) {
        c.rect(x, y, width, height, 0x000000, 0.5f);
        float barWidth = barWidth(s);
        int bars = Math.min(times.size(), (int) (width / barWidth));
        for (int age = 0; age < bars; age++) {
            float bx = x + width - (age + 1) * barWidth;
            float ms = times.millisAgo(age);
            float h = Math.min(1f, ms / GRAPH_MAX_MILLIS) * height;
            c.rect(bx, y + height - h, barWidth, h, ms > GRAPH_MAX_MILLIS / 2 ? GRAPH_SLOW : GRAPH_BAR, 1f);
        }
        c.rect(x, y + height / 2, width, Math.max(1f, s / 2), GRAPH_GUIDE, 0.8f);
        // Swap marks last, wider than a bar, so that they stand out from a spike of slow frames.
        for (int age = 0; age < bars; age++) {
            if (times.swapAgo(age)) {
                float bx = x + width - (age + 1) * barWidth;
                c.rect(Math.max(x, bx - barWidth), y, 3 * barWidth, height, SWAP_MARK, 1f);
            }
        }
    }

    private void errors(Frame f, HudCanvas c, float s) {
        List<String> errors = f.hud.state().errors();
        String shader = f.hud.shaderError();
        int lines = errors.size() + (shader != null ? countLines(shader) : 0);
        if (lines == 0) {
            return;
        }
        float line = LINE_PIXELS * s;
        float pad = 6 * s;
        float height = lines * line + 2 * pad;
        float y = f.framebufferHeight - height - pad;
        c.rect(pad, y, f.framebufferWidth - 2 * pad, height, 0x2A0608, 0.85f);
        y += pad;
        for (int i = 0; i < errors.size(); i++) {
            c.text(pad * 2, y, errors.get(i), ERROR, s);
            y += line;
        }
        if (shader != null) {
            // The shader log may hold several lines; each is drawn on its own.
            int start = 0;
            while (start <= shader.length()) {
                int end = shader.indexOf('\n', start);
                if (end < 0) {
                    end = shader.length();
                }
                sb.setLength(0);
                sb.append(shader, start, Math.min(end, start + HudModel.MAX_LINE_CHARS));
                c.text(pad * 2, y, sb, SHADER_ERROR, s);
                y += line;
                start = end + 1;
            }
        }
    }

    private static int countLines(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private void banners(Frame f, HudCanvas c, float s) {
        float big = s * 3f;
        float cy = f.framebufferHeight * 0.4f;
        if (f.gameOver()) {
            sb.setLength(0);
            sb.append("GAME OVER - score ").append(f.world.player.score);
            banner(f, c, sb, cy, big, ERROR);
            banner(f, c, "press R to play again", cy + LINE_PIXELS * big, s * 1.5f, TEXT);
        } else if (f.arenaClear()) {
            banner(f, c, "ARENA CLEAR", cy, big, GOOD);
            banner(f, c, "press R to play again", cy + LINE_PIXELS * big, s * 1.5f, TEXT);
        }
        if (f.paused) {
            banner(f, c, "PAUSED - P resumes, . steps one tick", f.framebufferHeight * 0.25f, s * 1.5f, NOTICE);
        }
    }

    private static void banner(Frame f, HudCanvas c, CharSequence text, float y, float scale, int rgb) {
        float w = c.textWidth(text, scale);
        float pad = 6 * scale;
        float x = (f.framebufferWidth - w) / 2f;
        c.rect(x - pad, y - pad, w + 2 * pad, LINE_PIXELS * scale + pad, PANEL, 0.6f);
        c.text(x, y, text, rgb, scale);
    }

    /** Appends {@code value} with {@code decimals} digits after the point, without allocating. */
    static StringBuilder appendFixed(StringBuilder sb, double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return sb.append('-');
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long units = Math.round(Math.abs(value) * scale);
        if (value < 0 && units != 0) {
            sb.append('-');
        }
        sb.append(units / scale);
        if (decimals > 0) {
            sb.append('.');
            long frac = units % scale;
            for (long d = scale / 10; d > 0; d /= 10) {
                sb.append((char) ('0' + frac / d % 10));
            }
        }
        return sb;
    }
}
