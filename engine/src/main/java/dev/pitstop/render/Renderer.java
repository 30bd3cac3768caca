package dev.pitstop.render;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws frames of the game. Implemented with OpenGL in {@code platform}, and by
 * {@link NullRenderer} where there is nothing to draw on. Created, used and closed on the game
 * thread (the thread that owns the GL context).
 */
public interface Renderer extends AutoCloseable {

    /** Draws one frame into the back buffer; the caller presents it. Allocates nothing. */
    void render(Frame frame);

    /** Writes the last frame {@link #render rendered} (before it is presented) to {@code png}. */
    void saveScreenshot(Path png) throws IOException;

    @Override
    void close();
}
