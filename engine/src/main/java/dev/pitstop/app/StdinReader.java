package dev.pitstop.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads standard input one command a line and hands each to the game thread (which runs them
 * between ticks). A daemon thread, so it never keeps the JVM alive; end of input just ends the
 * reading.
 */
final class StdinReader {

    private StdinReader() {
    }

    static void start(InputStream in, Consumer<String> commands) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        commands.accept(line.strip());
                    }
                }
            } catch (IOException e) {
                // stdin closed under us: nothing more to read.
            }
        }, "pitstop-stdin");
        t.setDaemon(true);
        t.start();
    }
}
