package lanterns;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.reload.HostScripts;
import dev.pitstop.reload.ScriptLoadException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Lanterns of the live version whose failure was told already. */
    private final Set<String> reported = new HashSet<>();
    private long tick;

    private Lanterns(HostScripts<Lantern> reload) {
        this.reload = reload;
        this.live = reload.betweenTicks(0, null);
    }

    /** Builds the lanterns in {@code folder} and watches it; the reload's events (phases, rejections) go to {@code events}. */
    public static Lanterns open(Path folder, EventSink events) throws ScriptLoadException, IOException {
        return new Lanterns(HostScripts.start(folder, Lantern.class, List.of(Lantern.class), events, 20));
    }

    /** A rejection, a warning or an error as lines for a person; other events say nothing. */
    static List<String> describe(Event e) {
        return switch (e.type()) {
            case "rejected" -> {
                List<String> lines = new ArrayList<>();
                for (Object d : (List<?>) e.get("diagnostics")) {
                    Map<?, ?> m = (Map<?, ?>) d;
                    Object file = m.get("file");
                    Object line = m.get("line");
                    lines.add("lanterns: version " + e.get("generation") + " not built (" + e.get("reason") + "): "
                            + (file == null ? "" : file + (line instanceof Number n && n.longValue() > 0 ? ":" + line : "")
                            + ": ") + m.get("message"));
                }
                yield lines;
            }
            case "warning", "error" -> List.of("lanterns: " + e.get("message"));
            default -> List.of();
        };
    }

    /** One tick: takes new lanterns if a save built, then draws the row ("Name=glyph ..."). */
    public String tick() {
        tick++;
        HostScripts.Live<Lantern> next = reload.betweenTicks(tick, null);
        if (next != null) {
            live = next;
            reported.clear();
        }
        StringBuilder row = new StringBuilder("v" + live.generation());
        for (Map.Entry<String, Lantern> e : live.scripts().entrySet()) {
            char glyph;
            try {
                glyph = reload.call(e.getValue(), lantern -> lantern.glyph(tick));
            } catch (HostScripts.Failure f) {
                glyph = '!';
                if (reported.add(e.getKey())) { // once a version, not ten times a second
                    System.err.print("\rlanterns: " + f.getMessage() + "\n");
                }
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
        try (Lanterns row = open(folder, e -> describe(e).forEach(line -> System.out.print("\r" + line + "\n")))) {
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
