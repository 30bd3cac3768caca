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

    /**
     * A behaviour in package {@code t} using records, sealed interfaces, lambdas, method
     * references, streams over java.util collections, switch expressions, string and enum
     * switches, string concatenation, nested, inner and anonymous classes, try-with-resources,
     * {@code assert}, arrays of one and two dimensions and JOML: it moves at 4 along x when every
     * result checks out, at 1 when one does not.
     */
    public static String legitimate(String name) {
        return LEGITIMATE.formatted(name);
    }

    private static final String LEGITIMATE = """
            package t;

            import dev.pitstop.api.Agent;
            import dev.pitstop.api.Behaviour;
            import dev.pitstop.api.World;
            import java.util.ArrayList;
            import java.util.Arrays;
            import java.util.Collections;
            import java.util.Comparator;
            import java.util.EnumMap;
            import java.util.Iterator;
            import java.util.List;
            import java.util.Map;
            import java.util.Objects;
            import java.util.Optional;
            import java.util.function.BiFunction;
            import java.util.function.Function;
            import java.util.function.Supplier;
            import java.util.stream.Collectors;
            import java.util.stream.IntStream;
            import org.joml.Vector2f;
            import org.joml.Vector2fc;

            /** A bit of everything Java 17 offers scripts; moves at 4 along x when every result checks out. */
            public class %s implements Behaviour {

                enum Mood { CALM, ANGRY, SCARED }

                record Probe(String name, int weight) implements Comparable<Probe> {
                    Probe {
                        Objects.requireNonNull(name);
                    }

                    @Override
                    public int compareTo(Probe o) {
                        return Integer.compare(weight, o.weight);
                    }
                }

                sealed interface Shape permits Circle, Square {
                    double area();

                    default String label() {
                        return "shape:" + area();
                    }
                }

                record Circle(double r) implements Shape {
                    public double area() {
                        return Math.PI * r * r;
                    }
                }

                record Square(double s) implements Shape {
                    public double area() {
                        return s * s;
                    }
                }

                static final class Counter implements AutoCloseable {
                    int opened = 1;

                    @Override
                    public void close() {
                        opened--;
                    }
                }

                static class Oops extends RuntimeException {
                    Oops(String message) {
                        super(message);
                    }
                }

                class Inner {
                    int twice(int x) {
                        return base() * x;
                    }
                }

                int base() {
                    return 2;
                }

                static int sum(int... xs) {
                    int s = 0;
                    for (int x : xs) {
                        s += x;
                    }
                    return s;
                }

                static int moodScore(Mood m) {
                    return switch (m) {
                        case CALM -> 1;
                        case ANGRY -> 10;
                        case SCARED -> 100;
                    };
                }

                static int wordScore(String w) {
                    switch (w) {
                        case "alpha":
                            return 1;
                        case "beta":
                            return 2;
                        default:
                            return 3;
                    }
                }

                static String describe(Object o) {
                    if (o instanceof Probe p && p.weight() > 1) {
                        return "heavy " + p.name();
                    }
                    return "other";
                }

                @Override
                public void update(Agent self, World world) {
                    List<Probe> probes = new ArrayList<>(List.of(new Probe("a", 3), new Probe("b", 1), new Probe("c", 2)));
                    Collections.sort(probes);
                    String order = probes.stream().map(Probe::name).collect(Collectors.joining());
                    Map<Boolean, Long> heavy = probes.stream()
                            .collect(Collectors.partitioningBy(p -> p.weight() >= 2, Collectors.counting()));
                    int total = IntStream.rangeClosed(1, 4).map(i -> i * i).sum();
                    EnumMap<Mood, Integer> moods = new EnumMap<>(Mood.class);
                    for (Mood m : Mood.values()) {
                        moods.put(m, moodScore(m));
                    }
                    int moodTotal = moods.values().stream().mapToInt(Integer::intValue).sum();
                    Mood angry = Mood.valueOf("ANGRY");
                    int word = wordScore("beta") + wordScore("zeta");
                    int[][] grid = new int[3][4];
                    grid[2][3] = 7;
                    Shape[] shapes = {new Circle(1), new Square(2)};
                    double area = Arrays.stream(shapes).mapToDouble(Shape::area).sum();
                    String label = shapes[1].label();
                    Function<Integer, Integer> inc = x -> x + 1;
                    BiFunction<Integer, Integer, Integer> add = Integer::sum;
                    Supplier<List<String>> fresh = ArrayList::new;
                    List<String> names = fresh.get();
                    names.add("x");
                    int inner = new Inner().twice(21);
                    int caught;
                    try {
                        throw new Oops("on purpose");
                    } catch (Oops e) {
                        caught = e.getMessage().length();
                    } finally {
                        names.add("y");
                    }
                    Counter counter;
                    try (Counter c = new Counter()) {
                        counter = c;
                    }
                    Comparator<Probe> byName = Comparator.comparing(Probe::name).reversed();
                    Optional<Probe> first = probes.stream().sorted(byName).findFirst();
                    Vector2fc me = self.position();
                    Vector2f toPlayer = new Vector2f(world.playerPosition()).sub(me);
                    float len = toPlayer.length();
                    StringBuilder sb = new StringBuilder();
                    for (char ch = 'a'; ch < 'd'; ch++) {
                        sb.append(ch);
                    }
                    Iterator<String> it = names.iterator();
                    int seen = 0;
                    outer:
                    while (it.hasNext()) {
                        String s = it.next();
                        for (int k = 0; k < 3; k++) {
                            if (s.equals("y")) {
                                break outer;
                            }
                            seen++;
                        }
                    }
                    assert seen == 3 : "seen " + seen;
                    Runnable noop = new Runnable() {
                        @Override
                        public void run() {
                        }
                    };
                    noop.run();
                    System.arraycopy(grid[2], 0, grid[1], 0, 4);
                    String text = "order=" + order + " total=" + total + " area>" + (int) area + " " + describe(probes.get(2)) + label;
                    boolean ok = order.equals("bca") && heavy.get(true) == 2L && total == 30 && moodTotal == 111
                            && angry.ordinal() == 1 && word == 5 && grid[1][3] == 7 && sum(1, 2, 3) == 6
                            && inc.apply(1) == 2 && add.apply(2, 3) == 5 && inner == 42 && caught == 10
                            && counter.opened == 0 && names.size() == 2 && first.get().name().equals("c")
                            && sb.toString().equals("abc") && seen == 3 && Float.isFinite(len)
                            && text.equals("order=bca total=30 area>7 heavy ashape:4.0");
                    self.memory().putInt("legit", ok ? 1 : 0);
                    self.setVelocity(ok ? 4f : 1f, 0f);
                }
            }
            """;
}
