package dev.pitstop.platform;

import static org.lwjgl.opengl.GL33C.*;

import dev.pitstop.assets.WatchedFile;

/**
 * One GLSL program built from a vertex and a fragment shader file, rebuilt when either file is
 * saved. A build that fails to compile or link keeps the program that worked and holds the
 * compiler's log as {@link #error()} until a build succeeds. Game thread (the GL context's) only.
 */
final class ShaderProgram implements AutoCloseable {

    /** Log lines kept of one failed build: enough to find the mistake, not a screenful. */
    static final int MAX_ERROR_LINES = 6;

    private final WatchedFile vertex;
    private final WatchedFile fragment;
    private int id;
    private int version;
    private String error;

    ShaderProgram(WatchedFile vertex, WatchedFile fragment) {
        this.vertex = vertex;
        this.fragment = fragment;
        build(vertex.text(), fragment.text());
    }

    /** The program to use, or 0 when no build has ever succeeded. */
    int id() {
        return id;
    }

    /** Counts successful builds, so users can look their uniforms up again after a rebuild. */
    int version() {
        return version;
    }

    /** Why the last build failed (file and compiler log), or null when it worked. */
    String error() {
        return error;
    }

    /**
     * Rebuilds if a file was saved since the last look.
     *
     * @return whether a build was attempted
     */
    boolean reloadIfChanged() {
        String v = vertex.takeChange();
        String f = fragment.takeChange();
        if (v == null && f == null) {
            return false;
        }
        build(vertex.text(), fragment.text());
        return true;
    }

    private void build(String vertexSource, String fragmentSource) {
        int vs = compile(GL_VERTEX_SHADER, vertexSource, vertex);
        if (vs == 0) {
            return;
        }
        int fs = compile(GL_FRAGMENT_SHADER, fragmentSource, fragment);
        if (fs == 0) {
            glDeleteShader(vs);
            return;
        }
        int program = glCreateProgram();
        glAttachShader(program, vs);
        glAttachShader(program, fs);
        glLinkProgram(program);
        glDeleteShader(vs); // flagged: freed with the program
        glDeleteShader(fs);
        if (glGetProgrami(program, GL_LINK_STATUS) == GL_FALSE) {
            error = vertex.displayName() + " + " + fragment.displayName() + ": link failed\n"
                    + firstLines(glGetProgramInfoLog(program));
            glDeleteProgram(program);
            return;
        }
        if (id != 0) {
            glDeleteProgram(id);
        }
        id = program;
        version++;
        error = null;
    }

    private int compile(int type, String source, WatchedFile file) {
        int shader = glCreateShader(type);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == GL_FALSE) {
            error = file.displayName() + ": compile failed\n" + firstLines(glGetShaderInfoLog(shader));
            glDeleteShader(shader);
            return 0;
        }
        return shader;
    }

    private static String firstLines(String log) {
        String[] lines = log.strip().split("\r?\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length && i < MAX_ERROR_LINES; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append("  ").append(lines[i].strip());
        }
        if (lines.length > MAX_ERROR_LINES) {
            sb.append("\n  ... (").append(lines.length - MAX_ERROR_LINES).append(" more lines)");
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (id != 0) {
            glDeleteProgram(id);
            id = 0;
        }
    }
}
