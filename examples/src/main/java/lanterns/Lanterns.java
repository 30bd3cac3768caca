package lanterns;

import dev.pitstop.reload.HostScripts;
import dev.pitstop.reload.ScriptLoadException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lanterns.api.Lantern;

/**
 * A second host of Pitstop's reload: a row of lanterns in a terminal, each drawn by a script in a
 * folder of its own, hot-reloaded while the row keeps ticking. It has its own loop and uses only
 * the reload core's seam ({@link HostScripts}); a lantern that throws or runs too long shows
 * {@code !} and the others go on. Main thread; {@link #tick} on whichever thread runs the loop.
 */
public final class Lanterns implements AutoCloseable {

    private final HostScripts<Lantern> reload;
    private HostScripts.Live<Lantern> live;
    private long tick;

    private Lanterns(HostScripts<Lantern> reload) {
        this.reload = reload;
        this.live = reload.betweenTicks(0, null);
    }

    /** Builds the lanterns in {@code folder} and watches it; events (reloads, rejections) go to {@code log} as JSON lines. */
    public static Lanterns open(Path folder, Consumer<String> log) throws ScriptLoadException, IOException {
        return new Lanterns(HostScripts.start(folder, Lantern.class, List.of(Lantern.class), e -> log.accept(e.toJson()), 20));
    }

    /** One tick: takes new lanterns if a save built, then draws the row ("Name=glyph ..."). */
    public String tick() {
        tick++;
        HostScripts.Live<Lantern> next = reload.betweenTicks(tick, null);
        if (next != null) {
            live = next;
        }
        StringBuilder row = new StringBuilder("v" + live.generation());
        for (Map.Entry<String, Lantern> e : live.scripts().entrySet()) {
            char glyph;
            try {
                glyph = reload.call(e.getValue(), lantern -> lantern.glyph(tick));
            } catch (HostScripts.Failure f) {
                glyph = '!';
                System.err.println("lanterns: " + f.getMessage());
            }
            row.append(' ').append(e.getKey()).append('=').append(glyph);
        }
        return row.toString();
    }

    @Override
    public void close() {
        reload.close();
    }

    /** {@code java lanterns.Lanterns [FOLDER]}: ten ticks a second until Ctrl-C; edit a lantern and watch. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "examples/lantern-scripts");
        try (Lanterns row = open(folder, System.err::println)) {
            while (true) {
                System.out.print("\r" + row.tick() + "    ");
                System.out.flush();
                Thread.sleep(100);
            }
        } catch (ScriptLoadException e) {
            System.err.println("lanterns: the scripts in " + folder + " do not load (" + e.reason() + ")");
            e.diagnostics().forEach(d -> System.err.println(d.format()));
            System.exit(1);
        }
    }
}
