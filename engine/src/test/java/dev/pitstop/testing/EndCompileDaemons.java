package dev.pitstop.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * When the tests end, deletes the folder their engines' compile daemons live in (the build sets
 * it, under {@code target}): a daemon whose socket file is gone ends within a second, so a test run
 * leaves no daemon behind. JUnit's launcher thread.
 */
public final class EndCompileDaemons implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String set = System.getenv("PITSTOP_COMPILE_DAEMON_DIR");
        Path folder = set == null ? null : Path.of(set).toAbsolutePath().normalize();
        if (folder == null || !folder.getFileName().toString().equals("compile-daemons") || folder.getParent() == null
                || !folder.getParent().getFileName().toString().equals("target") || !Files.isDirectory(folder)) {
            return; // not the build's own folder: a user's daemons are theirs
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Gone already, or the daemons end on their own after their idle time.
        }
    }
}
