package dev.pitstop.render;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A renderer that draws nothing, for running the frame loop where there is no GL context: tests of
 * what the loop does between frames. Game thread.
 */
public final class NullRenderer implements Renderer {

    private long frames;

    @Override
    public void render(Frame frame) {
        frames++;
    }

    /** How many frames were asked for. */
    public long frames() {
        return frames;
    }

    @Override
    public void saveScreenshot(Path png) throws IOException {
        throw new IOException("no picture to save: nothing is drawn without a window");
    }

    @Override
    public void close() {
    }
}
