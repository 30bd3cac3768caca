package dev.pitstop.render;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws frames of the game; implemented with OpenGL in {@code platform} (headless runs draw
 * nothing and have none). Created, used and closed on the game thread (the thread that owns the
 * GL context).
 */
public interface Renderer extends AutoCloseable {

    /** Draws one frame into the back buffer; the caller presents it. Allocates nothing. */
    void render(Frame frame);

    /** Writes the last frame {@link #render rendered} (before it is presented) to {@code png}. */
    void saveScreenshot(Path png) throws IOException;

    @Override
    void close();
}
