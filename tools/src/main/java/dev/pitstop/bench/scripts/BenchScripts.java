package dev.pitstop.bench.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's script folder: {@code count} small behaviours in package {@value #PACKAGE}, each
 * with one tunable constant {@code SPEED}, and the edits a user tweaking them would make (one
 * constant changed, one file saved at a time). Every behaviour moves its entities at exactly
 * {@code SPEED}, so the stats event's {@code meanSpeed} tells which version of the code ran.
 *
 * <p>The first behaviour is the control: it is never edited, uses neither the random source nor
 * its neighbours nor the player, and keeps its heading in {@code Agent.memory()}; its entities'
 * state therefore depends only on where they were spawned and how many ticks have run, which is
 * what the benchmark's world-state check compares against a reference run.
 *
 * <p>Mutable (the current constants); used by one thread at a time: the bench driver, or a JMH
 * setup.
 */
public final class BenchScripts {

    /** The package of every generated behaviour. */
    public static final String PACKAGE = "bench";

    private static final String[] KINDS = {"Chaser", "Orbiter", "Drifter", "Zigzag", "Flocker"};
    private static final String CONTROL_KIND = "Pendulum";

    private final List<String> names = new ArrayList<>();
    private final Map<String, Float> speeds = new LinkedHashMap<>();

    /** One planned edit: which behaviour, its new constant, and the file's new text. Immutable; any thread. */
    public record Edit(int number, String behaviour, String relativePath, float newSpeed, String source) { }

    private BenchScripts(int count) {
        for (int i = 0; i < count; i++) {
            String kind = i == 0 ? CONTROL_KIND : KINDS[(i - 1) % KINDS.length];
            String name = String.format(Locale.ROOT, "%s%02d", kind, i);
            names.add(name);
            speeds.put(name, 30f + 5f * (i % 7));
        }
    }

    /**
     * @param count how many behaviours; at least 2, since the control is never edited
     */
    public static BenchScripts generate(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("at least 2 scripts are needed (the first is never edited), not " + count);
        }
        return new BenchScripts(count);
    }

    /** Behaviour names (simple class names), the control first. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** The behaviour no edit touches. */
    public String control() {
        return names.get(0);
    }

    public float speed(String name) {
        return speeds.get(name);
    }

    /** Where {@code name}'s source lives, relative to the script folder. */
    public static String relativePath(String name) {
        return PACKAGE + "/" + name + ".java";
    }

    /** The current source of {@code name}. */
    public String source(String name) {
        return sourceOf(name, speeds.get(name));
    }

    /** Every behaviour's current source, by path relative to the script folder. */
    public Map<String, String> sources() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : names) {
            all.put(relativePath(name), source(name));
        }
        return all;
    }

    /** Writes every behaviour's current source under {@code root}. */
    public void writeAll(Path root) throws IOException {
        for (String name : names) {
            write(root, relativePath(name), source(name));
        }
    }

    /** Writes {@code text} to {@code root/relative} in one go, as an editor's save does. */
    public static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Edit number {@code k} (from 1): the next non-control behaviour in turn gets a new
     * {@code SPEED}, different from every value it had before. Updates the current constants.
     */
    public Edit edit(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("edits count from 1, not " + k);
        }
        String name = names.get(1 + (k - 1) % (names.size() - 1));
        float speed = speeds.get(name) + 0.5f * k;
        speeds.put(name, speed);
        return new Edit(k, name, relativePath(name), speed, sourceOf(name, speed));
    }

    /**
     * How many entities each behaviour drives: {@code entities} split evenly, the remainder to the
     * first ones, behaviours left with none omitted. In spawn order (the order names are given).
     */
    public Map<String, Integer> spawnPlan(int entities) {
        Map<String, Integer> plan = new LinkedHashMap<>();
        int each = entities / names.size();
        int extra = entities % names.size();
        for (int i = 0; i < names.size(); i++) {
            int n = each + (i < extra ? 1 : 0);
            if (n > 0) {
                plan.put(names.get(i), n);
            }
        }
        return plan;
    }

    private static String sourceOf(String name, float speed) {
        String kind = name.replaceAll("\\d+$", "");
        String literal = String.format(Locale.ROOT, "%.1ff", speed);
        String body = switch (kind) {
            case CONTROL_KIND -> PENDULUM;
            case "Chaser" -> CHASER;
            case "Orbiter" -> ORBITER;
            case "Drifter" -> DRIFTER;
            case "Zigzag" -> ZIGZAG;
            case "Flocker" -> FLOCKER;
            default -> throw new IllegalStateException("no template for " + kind);
        };
        return HEADER.formatted(name) + "    static final float SPEED = " + literal + ";\n\n" + body + "}\n";
    }

    private static final String HEADER = """
            package bench;

            import dev.pitstop.api.Agent;
            import dev.pitstop.api.Behaviour;
            import dev.pitstop.api.Body;
            import dev.pitstop.api.Memory;
            import dev.pitstop.api.World;

            /** Generated by the Pitstop benchmark. */
            public class %s implements Behaviour {

            """;

    // The control turns its heading by a fixed angle each tick. The rotation is given as float
    // literals rather than computed with Math.sin, whose intrinsics may differ between the
    // interpreter and JIT-compiled code: the reference run must produce the very same floats.
    private static final String PENDULUM = """
                static final float COS = 0.9998f;
                static final float SIN = 0.019998666f;

                @Override
                public void update(Agent self, World world) {
                    Memory m = self.memory();
                    float ux = m.getFloat("ux", 1f);
                    float uy = m.getFloat("uy", 0f);
                    float nx = ux * COS - uy * SIN;
                    float ny = ux * SIN + uy * COS;
                    float len = (float) Math.sqrt(nx * nx + ny * ny);
                    nx /= len;
                    ny /= len;
                    m.putFloat("ux", nx);
                    m.putFloat("uy", ny);
                    m.putInt("updates", m.getInt("updates", 0) + 1);
                    self.setVelocity(nx * SPEED, ny * SPEED);
                }
            """;

    private static final String CHASER = """
                @Override
                public void update(Agent self, World world) {
                    float dx = world.playerPosition().x() - self.position().x();
                    float dy = world.playerPosition().y() - self.position().y();
                    float len = (float) Math.sqrt(dx * dx + dy * dy);
                    if (len < 1e-3f) {
                        self.setVelocity(SPEED, 0f);
                    } else {
                        self.setVelocity(dx / len * SPEED, dy / len * SPEED);
                    }
                }
            """;

    private static final String ORBITER = """
                @Override
                public void update(Agent self, World world) {
                    int turn = self.memory().getInt("turn", 0);
                    if (turn == 0) {
                        turn = world.random() < 0.5f ? -1 : 1;
                        self.memory().putInt("turn", turn);
                    }
                    float dx = self.position().x() - world.playerPosition().x();
                    float dy = self.position().y() - world.playerPosition().y();
                    float len = (float) Math.sqrt(dx * dx + dy * dy);
                    if (len < 1e-3f) {
                        self.setVelocity(SPEED, 0f);
                        return;
                    }
                    self.setVelocity(-dy / len * turn * SPEED, dx / len * turn * SPEED);
                    if (world.random() < 0.002f) {
                        self.fire(-dx, -dy);
                    }
                }
            """;

    private static final String DRIFTER = """
                @Override
                public void update(Agent self, World world) {
                    float vx = self.velocity().x();
                    float vy = self.velocity().y();
                    float len = (float) Math.sqrt(vx * vx + vy * vy);
                    if (len < 1e-3f) {
                        float a = world.random() * 6.2831855f;
                        vx = (float) Math.cos(a);
                        vy = (float) Math.sin(a);
                        len = (float) Math.sqrt(vx * vx + vy * vy);
                    }
                    self.setVelocity(vx / len * SPEED, vy / len * SPEED);
                }
            """;

    private static final String ZIGZAG = """
                static final int TICKS_PER_LEG = 30;

                @Override
                public void update(Agent self, World world) {
                    Memory m = self.memory();
                    int leg = m.getInt("leg", 0) + 1;
                    m.putInt("leg", leg);
                    float side = (leg / TICKS_PER_LEG) % 2 == 0 ? 0.6f : -0.6f;
                    float down = self.velocity().y() < 0f ? -0.8f : 0.8f;
                    self.setVelocity(side * SPEED, down * SPEED);
                }
            """;

    private static final String FLOCKER = """
                static final float RADIUS = 24f;

                @Override
                public void update(Agent self, World world) {
                    float[] sum = {self.velocity().x(), self.velocity().y()};
                    world.forEachNeighbour(self, RADIUS, (Body other) -> {
                        sum[0] += other.velocity().x();
                        sum[1] += other.velocity().y();
                    });
                    float len = (float) Math.sqrt(sum[0] * sum[0] + sum[1] * sum[1]);
                    if (len < 1e-3f) {
                        self.setVelocity(0f, SPEED);
                    } else {
                        self.setVelocity(sum[0] / len * SPEED, sum[1] / len * SPEED);
                    }
                }
            """;
}
