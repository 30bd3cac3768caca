package dev.pitstop.platform;

import static org.lwjgl.opengl.GL33C.*;

import dev.pitstop.render.HudCanvas;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.lwjgl.BufferUtils;
import org.lwjgl.stb.STBEasyFont;

/**
 * Collects the HUD's rectangles and text (stb_easy_font's quads, no font file) into one vertex
 * buffer and draws them with one call. Vertices are stb_easy_font's: x, y, z as floats and an
 * RGBA colour as bytes, 16 bytes each, four to a quad. Buffers are made once; a frame allocates
 * nothing. What does not fit in {@link #MAX_QUADS} is dropped. Game thread only.
 */
final class HudBatch implements HudCanvas, AutoCloseable {

    static final int MAX_QUADS = 40_000;
    private static final int VERTEX_BYTES = 16;
    private static final int QUAD_BYTES = 4 * VERTEX_BYTES;

    private final ByteBuffer vertices = BufferUtils.createByteBuffer(MAX_QUADS * QUAD_BYTES);
    private final ByteBuffer colour = BufferUtils.createByteBuffer(4);
    private final int vao;
    private final int vbo;
    private final int ibo;
    private int quads;

    HudBatch() {
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        ibo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, VERTEX_BYTES, 0L);
        glEnableVertexAttribArray(1);
        glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, true, VERTEX_BYTES, 12L);
        IntBuffer indices = BufferUtils.createIntBuffer(MAX_QUADS * 6);
        for (int q = 0; q < MAX_QUADS; q++) {
            int v = q * 4;
            indices.put(v).put(v + 1).put(v + 2).put(v).put(v + 2).put(v + 3);
        }
        indices.flip();
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo); // recorded in the vertex array
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, indices, GL_STATIC_DRAW);
        glBindVertexArray(0);
    }

    void begin() {
        quads = 0;
    }

    @Override
    public void rect(float x, float y, float width, float height, int rgb, float alpha) {
        if (quads >= MAX_QUADS || width <= 0f || height <= 0f) {
            return;
        }
        int o = quads * QUAD_BYTES;
        byte r = (byte) (rgb >> 16);
        byte g = (byte) (rgb >> 8);
        byte b = (byte) rgb;
        byte a = (byte) Math.round(Math.max(0f, Math.min(1f, alpha)) * 255f);
        vertex(o, x, y, r, g, b, a);
        vertex(o + VERTEX_BYTES, x + width, y, r, g, b, a);
        vertex(o + 2 * VERTEX_BYTES, x + width, y + height, r, g, b, a);
        vertex(o + 3 * VERTEX_BYTES, x, y + height, r, g, b, a);
        quads++;
    }

    private void vertex(int o, float x, float y, byte r, byte g, byte b, byte a) {
        vertices.putFloat(o, x).putFloat(o + 4, y).putFloat(o + 8, 0f)
                .put(o + 12, r).put(o + 13, g).put(o + 14, b).put(o + 15, a);
    }

    @Override
    public void text(float x, float y, CharSequence text, int rgb, float scale) {
        if (quads >= MAX_QUADS || text.length() == 0) {
            return;
        }
        colour.put(0, (byte) (rgb >> 16)).put(1, (byte) (rgb >> 8)).put(2, (byte) rgb).put(3, (byte) 255);
        int start = quads * QUAD_BYTES;
        vertices.limit(vertices.capacity()).position(start);
        int made = STBEasyFont.stb_easy_font_print(0f, 0f, text, colour, vertices);
        vertices.position(0);
        // stb_easy_font draws at unit size; place and scale its vertices here.
        int end = start + made * QUAD_BYTES;
        for (int o = start; o < end; o += VERTEX_BYTES) {
            vertices.putFloat(o, x + vertices.getFloat(o) * scale);
            vertices.putFloat(o + 4, y + vertices.getFloat(o + 4) * scale);
        }
        quads += made;
    }

    @Override
    public float textWidth(CharSequence text, float scale) {
        return STBEasyFont.stb_easy_font_width(text) * scale;
    }

    /** Draws what was collected since {@link #begin()} with the current program. */
    void draw() {
        if (quads == 0) {
            return;
        }
        vertices.position(0).limit(quads * QUAD_BYTES);
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, vertices, GL_STREAM_DRAW);
        glDrawElements(GL_TRIANGLES, quads * 6, GL_UNSIGNED_INT, 0L);
        glBindVertexArray(0);
        vertices.limit(vertices.capacity());
    }

    @Override
    public void close() {
        glDeleteBuffers(vbo);
        glDeleteBuffers(ibo);
        glDeleteVertexArrays(vao);
    }
}
