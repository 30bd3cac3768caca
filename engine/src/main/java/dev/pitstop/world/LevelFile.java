package dev.pitstop.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The text format of a level's waves ({@code assets/levels/*.level}), one wave a line:
 *
 * <pre>
 * # comment; blank lines are ignored
 * wave 2 Chaser=6
 * wave 8 Chaser=4 Swarm=12
 * </pre>
 *
 * {@code wave SECONDS NAME=COUNT...}: the wave's enemies enter {@code SECONDS} after the previous
 * wave did (the first: after the start), or as soon as the arena is clear. A {@code #} starts a
 * comment anywhere on a line. Errors name the file and line. Stateless; any thread.
 */
public final class LevelFile {

    /** No level may ask for more enemies than this in one wave. */
    public static final int MAX_WAVE_COUNT = 10_000;
    /** Nor wait longer than a day: a typo, not a plan. */
    static final float MAX_AFTER_SECONDS = 86_400f;

    private static final Pattern NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

    private LevelFile() {
    }

    /**
     * Parses a level.
     *
     * @param text the file's content
     * @param fileName how errors name the file (as the user would find it)
     * @param known the behaviour names a wave may use, or null to accept any name
     * @throws BadFileException with a one-line message {@code file:line: what is wrong}
     */
    public static List<Wave> parse(String text, String fileName, Collection<String> known) throws BadFileException {
        List<Wave> waves = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            waves.add(wave(line.split("\\s+"), fileName + ":" + (n + 1) + ": ", known));
        }
        if (waves.isEmpty()) {
            throw new BadFileException(fileName + ": no waves (expected lines like 'wave 2 Chaser=6 Swarm=10')");
        }
        return waves;
    }

    private static Wave wave(String[] words, String where, Collection<String> known) throws BadFileException {
        if (!words[0].equals("wave")) {
            throw new BadFileException(where + "expected 'wave SECONDS NAME=COUNT...', found '" + words[0] + "'");
        }
        if (words.length < 3) {
            throw new BadFileException(where + "a wave needs SECONDS and at least one NAME=COUNT, e.g. 'wave 2 Chaser=6'");
        }
        float after;
        try {
            after = Float.parseFloat(words[1]);
        } catch (NumberFormatException e) {
            throw new BadFileException(where + "SECONDS '" + words[1] + "' is not a number");
        }
        if (!(after >= 0f && after <= MAX_AFTER_SECONDS)) {
            throw new BadFileException(where + "SECONDS must be between 0 and " + (int) MAX_AFTER_SECONDS + ", not " + words[1]);
        }
        List<Wave.Spawn> spawns = new ArrayList<>();
        int total = 0;
        for (int i = 2; i < words.length; i++) {
            Wave.Spawn s = spawn(words[i], where);
            if (known != null && !known.contains(s.behaviour())) {
                throw new BadFileException(where + "unknown behaviour '" + s.behaviour() + "'; known: "
                        + String.join(", ", new TreeSet<>(known)));
            }
            total += s.count();
            if (total > MAX_WAVE_COUNT) {
                throw new BadFileException(where + "more than " + MAX_WAVE_COUNT + " enemies in one wave");
            }
            spawns.add(s);
        }
        return new Wave(after, spawns);
    }

    private static Wave.Spawn spawn(String word, String where) throws BadFileException {
        int eq = word.indexOf('=');
        if (eq <= 0 || eq == word.length() - 1) {
            throw new BadFileException(where + "expected NAME=COUNT, found '" + word + "'");
        }
        String name = word.substring(0, eq);
        String number = word.substring(eq + 1);
        if (!NAME.matcher(name).matches()) {
            throw new BadFileException(where + "'" + name + "' is not a behaviour name (a class's simple name)");
        }
        int count;
        try {
            count = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new BadFileException(where + "COUNT '" + number + "' of " + name + " is not a whole number");
        }
        if (count < 0 || count > MAX_WAVE_COUNT) {
            throw new BadFileException(where + "COUNT of " + name + " must be between 0 and " + MAX_WAVE_COUNT);
        }
        return new Wave.Spawn(name, count);
    }
}
