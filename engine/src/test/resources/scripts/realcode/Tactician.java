package realcode;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.joml.Vector2fc;

/**
 * Keeps its distance from the player in the least crowded of eight sectors around it: sorts what
 * it sees by distance, groups it by sector, and heads for a free one. Now and then it logs a line
 * about the crowd. The sector it holds is kept in memory.
 */
public class Tactician implements Behaviour {

    record Contact(int id, float distance, int sector, float health) { }

    static final int SECTORS = 8;
    static final float VIEW = 140f;
    static final float HOLD = 220f;
    static final float SPEED = 65f;

    @Override
    public void update(Agent self, World world) {
        Vector2fc me = self.position();
        Vector2fc player = world.playerPosition();
        List<Contact> contacts = new ArrayList<>();
        world.forEachNeighbour(self, VIEW, b -> contacts.add(new Contact(b.id(), b.position().distance(me),
                sectorOf(b.position().x() - player.x(), b.position().y() - player.y()), b.health())));
        contacts.sort(Comparator.comparingDouble(Contact::distance).thenComparing(Contact::id));

        List<Contact> closest = contacts.stream()
                .filter(c -> c.health() > 0f)
                .sorted(Comparator.comparingDouble(Contact::distance))
                .limit(5)
                .collect(Collectors.toList());
        Map<Integer, List<Contact>> bySector = contacts.stream().collect(Collectors.groupingBy(Contact::sector));
        BitSet occupied = new BitSet(SECTORS);
        bySector.keySet().forEach(occupied::set);

        TreeMap<Integer, Integer> crowding = new TreeMap<>();
        bySector.forEach((sector, list) -> crowding.merge(list.size(), 1, Integer::sum));
        Map<String, Integer> tally = new LinkedHashMap<>();
        for (Contact c : closest) {
            tally.merge(c.distance() < 40f ? "close" : "far", 1, Integer::sum);
        }
        tally.computeIfAbsent("sectors", k -> occupied.cardinality());

        int mine = self.memory().getInt("sector", sectorOf(me.x() - player.x(), me.y() - player.y()));
        int target = occupied.get(mine) && bySector.getOrDefault(mine, List.of()).size() > 2
                ? freeSectorNear(occupied, mine) : mine;
        self.memory().putInt("sector", target);

        float[] gaps = new float[Math.min(4, contacts.size())];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = contacts.get(contacts.size() - 1 - i).distance();
        }
        Arrays.sort(gaps);
        List<Integer> ids = contacts.stream().map(Contact::id).collect(Collectors.toList());
        Collections.sort(ids, Collections.reverseOrder());
        int weight = IntStream.range(0, Math.min(ids.size(), 6)).sum();
        float nearest = Optional.ofNullable(closest.isEmpty() ? null : closest.get(0)).map(Contact::distance)
                .orElse(VIEW);

        double angle = (target + 0.5) * (Math.PI * 2.0 / SECTORS);
        float tx = player.x() + (float) Math.cos(angle) * HOLD;
        float ty = player.y() + (float) Math.sin(angle) * HOLD;
        float dx = tx - me.x();
        float dy = ty - me.y();
        float len = (float) Math.sqrt(dx * dx + dy * dy);
        float speed = SPEED * (nearest < 20f ? 1.3f : 1f);
        if (len < 4f) {
            self.setVelocity((float) -Math.sin(angle) * speed, (float) Math.cos(angle) * speed);
        } else {
            self.setVelocity(dx / len * speed, dy / len * speed);
        }

        if (world.tick() % 240 == 0 && self.id() % 5 == 0) {
            StringBuilder line = new StringBuilder("sector ").append(target).append(" of ").append(SECTORS);
            line.append(": ").append(tally.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
            List<String> parts = new ArrayList<>();
            crowding.descendingMap().forEach((size, count) -> parts.add(count + "x" + size));
            line.append(" crowds ").append(String.join(" ", parts)).append(" weight ").append(weight);
            if (gaps.length > 0) {
                line.append(" widest gap ").append(Math.round(gaps[gaps.length - 1]));
            }
            world.log(line.toString());
        }
    }

    static int sectorOf(float dx, float dy) {
        double turn = (Math.atan2(dy, dx) + Math.PI * 2.0) % (Math.PI * 2.0);
        return Math.min(SECTORS - 1, (int) (turn / (Math.PI * 2.0) * SECTORS));
    }

    /** The free sector nearest to {@code from}, either way round, or {@code from} if none is free. */
    static int freeSectorNear(BitSet occupied, int from) {
        for (int step = 1; step <= SECTORS / 2; step++) {
            int right = (from + step) % SECTORS;
            int left = (from - step + SECTORS) % SECTORS;
            if (!occupied.get(right)) {
                return right;
            }
            if (!occupied.get(left)) {
                return left;
            }
        }
        return from;
    }
}
