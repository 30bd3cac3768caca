package dev.pitstop.platform;

import static org.lwjgl.opengl.GL33C.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.lwjgl.BufferUtils;
import org.lwjgl.stb.STBImageWrite;

/**
 * Writes the back buffer (the frame just rendered, not yet presented) to a PNG with
 * stb_image_write. Once per run, at stop. Game thread (the GL context's) only.
 */
final class Screenshot {

    private Screenshot() {
    }

    static void write(Path png, int width, int height) throws IOException {
        ByteBuffer pixels = BufferUtils.createByteBuffer(width * height * 3);
        glReadBuffer(GL_BACK);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels);
        // GL's rows run bottom to top; a PNG's top to bottom.
        STBImageWrite.stbi_flip_vertically_on_write(true);
        if (!STBImageWrite.stbi_write_png(png.toAbsolutePath().toString(), width, height, 3, pixels, width * 3)) {
            throw new IOException("cannot write " + png);
        }
    }
}
