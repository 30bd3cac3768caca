package dev.pitstop.app;

import dev.pitstop.assets.AssetPoller;
import dev.pitstop.assets.WatchedFile;
import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.sim.Simulation;
import dev.pitstop.world.BadFileException;
import dev.pitstop.world.LevelFile;
import dev.pitstop.world.Wave;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The level file the demo's waves come from, hot-reloaded: a saved file replaces the waves still
 * to come (those started stay started); a file that does not parse is reported with file and line
 * and the old waves stay. Opened on the main thread; {@link #applyChange} on the game thread
 * between frames.
 */
final class LevelSource {

    static final String DEFAULT_LEVEL = "assets/levels/arena.level";

    private final WatchedFile file;
    private List<Wave> waves;

    private LevelSource(WatchedFile file, List<Wave> waves) {
        this.file = file;
        this.waves = waves;
    }

    /**
     * Reads and checks the level: {@code --level FILE}, or the default under {@code home}.
     *
     * @return the level, or null when the default level is missing or does not fit the scripts
     *         (a warning says why; the game runs without waves)
     * @throws UsageError when {@code --level} names a missing file, or a level does not parse
     */
    static LevelSource open(Path given, Path home, Collection<String> behaviours, AssetPoller poller,
            Consumer<String> warnings) throws UsageError {
        Path path = given != null ? given : home.resolve(DEFAULT_LEVEL);
        String shown = shownName(path, home);
        if (!Files.isRegularFile(path)) {
            if (given != null) {
                throw new UsageError("--level " + given + " is not a file");
            }
            warnings.accept("no level file at " + shown + "; no waves");
            return null;
        }
        WatchedFile file;
        List<Wave> waves;
        try {
            file = new WatchedFile(path, shown);
            waves = LevelFile.parse(file.text(), shown, given != null ? behaviours : null);
        } catch (IOException e) {
            throw new UsageError("cannot read level " + shown + ": " + e.getMessage());
        } catch (BadFileException e) {
            throw new UsageError(e.getMessage());
        }
        if (given == null) {
            try {
                LevelFile.parse(file.text(), shown, behaviours);
            } catch (BadFileException e) {
                // The demo's level with other scripts (--scripts): fine, just no waves.
                warnings.accept(e.getMessage() + "; no waves");
                return null;
            }
        }
        poller.watch(file);
        return new LevelSource(file, waves);
    }

    private static String shownName(Path path, Path home) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(home) ? home.relativize(abs).toString().replace('\\', '/') : path.toString();
    }

    /** The waves as last loaded. */
    List<Wave> waves() {
        return waves;
    }

    /** Game thread, between frames: takes a saved level into the running world. */
    void applyChange(Simulation sim, EventSink events) {
        String text = file.takeChange();
        if (text == null) {
            return;
        }
        long tick = sim.world().tick;
        try {
            List<Wave> parsed = LevelFile.parse(text, file.displayName(), sim.scripts().names());
            waves = parsed;
            sim.world().waves.replace(parsed);
            events.emit(Event.of("level", tick).with("file", file.displayName()).with("waves", parsed.size()));
        } catch (BadFileException e) {
            events.emit(Event.of("error", tick).with("message", e.getMessage() + " (the old waves stay)"));
        }
    }
}
