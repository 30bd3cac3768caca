package dev.pitstop.app;

/**
 * {@code NAME=COUNT}, as {@code --spawn} and the stdin {@code spawn} command take it. Immutable.
 */
record SpawnSpec(String behaviour, int count) {

    static final int MAX_COUNT = 100_000;

    static SpawnSpec parse(String text) throws UsageError {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new UsageError("spawn '" + text + "': expected NAME=COUNT, e.g. Chaser=20");
        }
        String name = text.substring(0, eq).trim();
        String number = text.substring(eq + 1).trim();
        if (!name.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*")) {
            throw new UsageError("spawn '" + text + "': '" + name + "' is not a behaviour name (a class's simple name)");
        }
        int count;
        try {
            count = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new UsageError("spawn '" + text + "': COUNT '" + number + "' is not a whole number");
        }
        if (count < 0 || count > MAX_COUNT) {
            throw new UsageError("spawn '" + text + "': COUNT must be between 0 and " + MAX_COUNT);
        }
        return new SpawnSpec(name, count);
    }
}
