package dev.pitstop.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes script sources into a test's folder, as an editor's save would. */
public final class Scripts {

    private Scripts() {
    }

    /** Writes {@code source} to {@code root/relative}, creating folders. */
    public static Path write(Path root, String relative, String source) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        return file;
    }

    /** A behaviour in package {@code t} that moves every entity along +x at {@code speed}. */
    public static String mover(String name, String speed) {
        return """
                package t;

                import dev.pitstop.api.*;

                public class %s implements Behaviour {
                    static final float SPEED = %s;

                    @Override
                    public void update(Agent self, World world) {
                        int n = self.memory().getInt("updates", 0) + 1;
                        self.memory().putInt("updates", n);
                        self.setVelocity(SPEED, 0f);
                    }
                }
                """.formatted(name, speed);
    }
}
