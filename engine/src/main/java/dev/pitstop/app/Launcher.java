package dev.pitstop.app;

import java.nio.file.Path;

/**
 * What the {@code ./pitstop} launcher tells the JVM through system properties: where the
 * repository is (defaults such as the script folder resolve against it) and whether stderr is a
 * terminal (Java cannot tell for stderr alone). Any thread.
 */
final class Launcher {

    private Launcher() {
    }

    static Path home() {
        String h = System.getProperty("pitstop.home");
        return Path.of(h == null || h.isBlank() ? "." : h).toAbsolutePath().normalize();
    }

    static boolean stderrIsTerminal() {
        return "1".equals(System.getProperty("pitstop.stderrTty"));
    }
}
