package dev.pitstop.platform;

import static org.lwjgl.opengl.GL33C.*;

import dev.pitstop.assets.AssetPoller;
import dev.pitstop.assets.WatchedFile;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.render.DebugLinePacker;
import dev.pitstop.render.Frame;
import dev.pitstop.render.HudLayout;
import dev.pitstop.render.InstancePacker;
import dev.pitstop.render.Letterbox;
import dev.pitstop.render.Palette;
import dev.pitstop.render.Renderer;
import dev.pitstop.world.WorldState;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.lwjgl.BufferUtils;

/**
 * Draws the game with OpenGL 3.3 core in four calls: the arena, every enemy, shot and the player
 * in one instanced call, the scripts' debug lines, and the HUD. Shaders are files under
 * {@code assets/shaders}, rebuilt when saved; a build that fails keeps the old program and puts
 * the compiler's log on screen. All buffers are made up front, so a frame allocates nothing.
 * Made, used and closed on the game thread, which owns the GL context.
 */
public final class GlRenderer implements Renderer {

    /** Instances one frame draws at most; beyond that, enemies are left out (the HUD still counts them). */
    public static final int MAX_INSTANCES = 100_000;
    /** Debug-line vertices one frame draws at most. */
    public static final int MAX_DEBUG_VERTICES = 400_000;

    private final ShaderProgram arena;
    private final ShaderProgram shapes;
    private final ShaderProgram lines;
    private final ShaderProgram hud;
    private final ShaderProgram[] programs;
    private final EventSink events;
    private final InstancePacker packer = new InstancePacker();
    private final HudLayout hudLayout = new HudLayout();
    private final HudBatch hudBatch;
    private final FloatBuffer instances = BufferUtils.createFloatBuffer(MAX_INSTANCES * InstancePacker.FLOATS_PER_INSTANCE);
    private final FloatBuffer debugVertices = BufferUtils.createFloatBuffer(MAX_DEBUG_VERTICES * DebugLinePacker.FLOATS_PER_VERTEX);
    private final int emptyVao;
    private final int shapesVao;
    private final int shapesVbo;
    private final int linesVao;
    private final int linesVbo;
    private final int[] seenVersion = new int[4];
    private int arenaWorldToClip;
    private int arenaSize;
    private int shapesWorldToClip;
    private int linesWorldToClip;
    private int hudScreen;
    private String shownError;
    private int lastWidth;
    private int lastHeight;

    private GlRenderer(ShaderProgram arena, ShaderProgram shapes, ShaderProgram lines, ShaderProgram hud,
            EventSink events) {
        this.arena = arena;
        this.shapes = shapes;
        this.lines = lines;
        this.hud = hud;
        this.programs = new ShaderProgram[] {arena, shapes, lines, hud};
        this.events = events;
        hudBatch = new HudBatch();
        emptyVao = glGenVertexArrays();

        shapesVao = glGenVertexArrays();
        shapesVbo = glGenBuffers();
        glBindVertexArray(shapesVao);
        glBindBuffer(GL_ARRAY_BUFFER, shapesVbo);
        int stride = InstancePacker.FLOATS_PER_INSTANCE * Float.BYTES;
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 4, GL_FLOAT, false, stride, 0L);
        glVertexAttribDivisor(0, 1);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 1, GL_FLOAT, false, stride, 4L * Float.BYTES);
        glVertexAttribDivisor(1, 1);
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 4, GL_FLOAT, false, stride, 5L * Float.BYTES);
        glVertexAttribDivisor(2, 1);

        linesVao = glGenVertexArrays();
        linesVbo = glGenBuffers();
        glBindVertexArray(linesVao);
        glBindBuffer(GL_ARRAY_BUFFER, linesVbo);
        int lineStride = DebugLinePacker.FLOATS_PER_VERTEX * Float.BYTES;
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, lineStride, 0L);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 3, GL_FLOAT, false, lineStride, 2L * Float.BYTES);
        glBindVertexArray(0);

        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glDisable(GL_DEPTH_TEST);
    }

    /**
     * Builds the shaders in {@code shaderDir} and has {@code poller} watch them. Needs a current
     * context ({@link GameWindow#open}).
     *
     * @param shownDir how messages name the folder, e.g. {@code assets/shaders}
     * @param events where a failed shader build is reported (besides the screen)
     * @throws IOException when a shader file cannot be read
     */
    public static GlRenderer create(Path shaderDir, String shownDir, AssetPoller poller, EventSink events)
            throws IOException {
        ShaderProgram[] p = new ShaderProgram[4];
        String[] names = {"arena", "shapes", "lines", "hud"};
        for (int i = 0; i < names.length; i++) {
            WatchedFile v = watched(shaderDir, shownDir, names[i] + ".vert", poller);
            WatchedFile f = watched(shaderDir, shownDir, names[i] + ".frag", poller);
            p[i] = new ShaderProgram(v, f);
        }
        return new GlRenderer(p[0], p[1], p[2], p[3], events);
    }

    private static WatchedFile watched(Path dir, String shownDir, String name, AssetPoller poller) throws IOException {
        WatchedFile f = new WatchedFile(dir.resolve(name), shownDir + "/" + name);
        poller.watch(f);
        return f;
    }

    @Override
    public void render(Frame frame) {
        rebuildShaders(frame);
        WorldState w = frame.world;
        int fbWidth = frame.framebufferWidth;
        int fbHeight = frame.framebufferHeight;
        lastWidth = fbWidth;
        lastHeight = fbHeight;
        glViewport(0, 0, fbWidth, fbHeight);
        glClearColor(((Palette.CLEAR >> 16) & 0xFF) / 255f, ((Palette.CLEAR >> 8) & 0xFF) / 255f,
                (Palette.CLEAR & 0xFF) / 255f, 1f);
        glClear(GL_COLOR_BUFFER_BIT);

        Letterbox box = frame.letterbox();
        glViewport(box.x(), fbHeight - box.y() - box.height(), box.width(), box.height());
        // World units (y down) to clip space (y up).
        float sx = 2f / w.width;
        float sy = -2f / w.height;

        if (arena.id() != 0) {
            glUseProgram(arena.id());
            glUniform4f(arenaWorldToClip, sx, sy, -1f, 1f);
            glUniform2f(arenaSize, w.width, w.height);
            glBindVertexArray(emptyVao);
            glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        }

        if (shapes.id() != 0) {
            instances.clear();
            int count = packer.pack(w, frame.alpha, instances);
            instances.flip();
            glUseProgram(shapes.id());
            glUniform4f(shapesWorldToClip, sx, sy, -1f, 1f);
            glBindVertexArray(shapesVao);
            glBindBuffer(GL_ARRAY_BUFFER, shapesVbo);
            glBufferData(GL_ARRAY_BUFFER, instances, GL_STREAM_DRAW);
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count);
        }

        if (frame.showDebug && frame.debug.shapes() > 0 && lines.id() != 0) {
            debugVertices.clear();
            int count = DebugLinePacker.pack(frame.debug, debugVertices);
            debugVertices.flip();
            glUseProgram(lines.id());
            glUniform4f(linesWorldToClip, sx, sy, -1f, 1f);
            glBindVertexArray(linesVao);
            glBindBuffer(GL_ARRAY_BUFFER, linesVbo);
            glBufferData(GL_ARRAY_BUFFER, debugVertices, GL_STREAM_DRAW);
            glDrawArrays(GL_LINES, 0, count);
        }

        glViewport(0, 0, fbWidth, fbHeight);
        if (hud.id() != 0) {
            hudBatch.begin();
            hudLayout.layout(frame, hudBatch);
            glUseProgram(hud.id());
            glUniform2f(hudScreen, fbWidth, fbHeight);
            hudBatch.draw();
        }
        glBindVertexArray(0);
        glUseProgram(0);
    }

    private void rebuildShaders(Frame frame) {
        boolean attempted = false;
        for (ShaderProgram p : programs) {
            attempted |= p.reloadIfChanged();
        }
        if (attempted || shownError == null && firstError() != null) {
            String error = firstError();
            if (error != null && !error.equals(shownError)) {
                events.emit(Event.of("error", frame.world.tick).with("message",
                        "shader build failed; the last good one stays: " + error.replace("\n", " |")));
            }
            shownError = error;
            frame.hud.shaderError(error);
        }
        if (seenVersion[0] != arena.version()) {
            seenVersion[0] = arena.version();
            arenaWorldToClip = glGetUniformLocation(arena.id(), "u_worldToClip");
            arenaSize = glGetUniformLocation(arena.id(), "u_arena");
        }
        if (seenVersion[1] != shapes.version()) {
            seenVersion[1] = shapes.version();
            shapesWorldToClip = glGetUniformLocation(shapes.id(), "u_worldToClip");
        }
        if (seenVersion[2] != lines.version()) {
            seenVersion[2] = lines.version();
            linesWorldToClip = glGetUniformLocation(lines.id(), "u_worldToClip");
        }
        if (seenVersion[3] != hud.version()) {
            seenVersion[3] = hud.version();
            hudScreen = glGetUniformLocation(hud.id(), "u_screen");
        }
    }

    private String firstError() {
        for (ShaderProgram p : programs) {
            if (p.error() != null) {
                return p.error();
            }
        }
        return null;
    }

    @Override
    public void saveScreenshot(Path png) throws IOException {
        if (lastWidth <= 0 || lastHeight <= 0) {
            throw new IOException("no frame was rendered to save");
        }
        Screenshot.write(png, lastWidth, lastHeight);
    }

    @Override
    public void close() {
        for (ShaderProgram p : programs) {
            p.close();
        }
        hudBatch.close();
        glDeleteBuffers(shapesVbo);
        glDeleteBuffers(linesVbo);
        glDeleteVertexArrays(shapesVao);
        glDeleteVertexArrays(linesVao);
        glDeleteVertexArrays(emptyVao);
    }
}
