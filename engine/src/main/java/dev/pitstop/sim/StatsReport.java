package dev.pitstop.sim;

import dev.pitstop.events.Event;
import dev.pitstop.world.Checksum;
import dev.pitstop.world.Entities;
import dev.pitstop.world.WorldState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code stats} event: generation, entity count, checksum, and per behaviour name
 * the count, mean speed and mean position of the entities assigned to it (orphans included). Game
 * thread only.
 */
public final class StatsReport {

    private StatsReport() {
    }

    public static Event of(Simulation sim) {
        WorldState w = sim.world();
        Entities e = w.entities;
        int slots = w.slots.size();
        int[] count = new int[slots];
        double[] speed = new double[slots];
        double[] sx = new double[slots];
        double[] sy = new double[slots];
        for (int i = 0; i < e.count; i++) {
            int s = e.slot[i];
            count[s]++;
            speed[s] += Math.sqrt((double) e.vx[i] * e.vx[i] + (double) e.vy[i] * e.vy[i]);
            sx[s] += e.x[i];
            sy[s] += e.y[i];
        }
        Map<String, Object> behaviours = new TreeMap<>();
        for (int s = 0; s < slots; s++) {
            if (count[s] == 0) {
                continue;
            }
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("count", count[s]);
            b.put("meanSpeed", round(speed[s] / count[s]));
            b.put("cx", round(sx[s] / count[s]));
            b.put("cy", round(sy[s] / count[s]));
            if (!sim.scripts().names().contains(w.slots.name(s))) {
                b.put("orphaned", true);
            }
            behaviours.put(w.slots.name(s), b);
        }
        return Event.of("stats", w.tick)
                .with("generation", sim.scripts().generation())
                .with("entities", e.count)
                .with("checksum", Checksum.hex(Checksum.of(w)))
                .with("behaviours", behaviours)
                .with("faults", sim.takeFaultsSinceStats())
                .with("updateMicros", round(sim.takeMeanUpdateNanos() / 1000.0))
                .with("projectiles", w.projectiles.count)
                .with("playerHealth", w.player.health)
                .with("score", w.player.score);
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
