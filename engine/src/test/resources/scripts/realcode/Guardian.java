package realcode;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Behaviour;
import dev.pitstop.api.Body;
import dev.pitstop.api.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.joml.Vector2fc;

/**
 * A small behaviour tree guarding a post on a ring around the player: make room when crowded,
 * close in when the player is near, otherwise walk the post. The tree is built once from records,
 * lambdas and method references; a tick's facts are gathered into a blackboard record.
 */
public class Guardian implements Behaviour {

    enum Status { SUCCESS, FAILURE, RUNNING }

    interface Node {
        Status tick(Blackboard b);
    }

    /** What one tick knows: the agent, the world, and a few facts worked out up front. */
    record Blackboard(Agent self, World world, Vector2fc me, Vector2fc player, List<Body> neighbours,
            float nearestGap) {
    }

    /** Runs its children in order until one does not succeed. */
    record Sequence(List<Node> children) implements Node {
        @Override
        public Status tick(Blackboard b) {
            for (Node child : children) {
                Status s = child.tick(b);
                if (s != Status.SUCCESS) {
                    return s;
                }
            }
            return Status.SUCCESS;
        }
    }

    /** Runs its children in order until one does not fail. */
    record Selector(List<Node> children) implements Node {
        @Override
        public Status tick(Blackboard b) {
            return children.stream().map(child -> child.tick(b)).filter(s -> s != Status.FAILURE).findFirst()
                    .orElse(Status.FAILURE);
        }
    }

    static Node when(Predicate<Blackboard> test) {
        return b -> test.test(b) ? Status.SUCCESS : Status.FAILURE;
    }

    static Node act(Function<Blackboard, Status> action) {
        return action::apply;
    }

    static final float RING = 180f;
    static final float SPEED = 75f;
    static final float CROWDED = 24f;

    static final Node TREE = new Selector(List.of(
            new Sequence(List.of(when(Guardian::crowded), act(Guardian::makeRoom))),
            new Sequence(List.of(when(b -> b.me().distance(b.player()) < RING * 0.6f), act(Guardian::closeIn))),
            act(Guardian::walkPost)));

    static boolean crowded(Blackboard b) {
        return b.nearestGap() < CROWDED;
    }

    static Status makeRoom(Blackboard b) {
        Body nearest = b.neighbours().stream()
                .min(Comparator.comparingDouble(n -> n.position().distance(b.me())))
                .orElseThrow();
        float dx = b.me().x() - nearest.position().x();
        float dy = b.me().y() - nearest.position().y();
        float len = Math.max((float) Math.sqrt(dx * dx + dy * dy), 1e-3f);
        b.self().setVelocity(dx / len * SPEED, dy / len * SPEED);
        return Status.RUNNING;
    }

    static Status closeIn(Blackboard b) {
        float dx = b.player().x() - b.me().x();
        float dy = b.player().y() - b.me().y();
        float len = Math.max((float) Math.sqrt(dx * dx + dy * dy), 1e-3f);
        b.self().setVelocity(-dy / len * SPEED, dx / len * SPEED);
        return Status.SUCCESS;
    }

    static Status walkPost(Blackboard b) {
        float angle = b.self().memory().getFloat("post", b.self().id() * 1.3f) + b.world().dt() * 0.4f;
        b.self().memory().putFloat("post", angle);
        float px = b.player().x() + (float) Math.cos(angle) * RING;
        float py = b.player().y() + (float) Math.sin(angle) * RING;
        float dx = px - b.me().x();
        float dy = py - b.me().y();
        float len = (float) Math.sqrt(dx * dx + dy * dy);
        if (len < 2f) {
            b.self().setVelocity(-(float) Math.sin(angle) * SPEED, (float) Math.cos(angle) * SPEED);
        } else {
            float speed = Math.min(SPEED, len * 4f);
            b.self().setVelocity(dx / len * speed, dy / len * speed);
        }
        return Status.RUNNING;
    }

    @Override
    public void update(Agent self, World world) {
        List<Body> neighbours = new ArrayList<>();
        world.forEachNeighbour(self, 60f, neighbours::add);
        Vector2fc me = self.position();

        List<Float> gaps = new ArrayList<>();
        for (Body n : neighbours) {
            gaps.add(n.position().distance(me));
        }
        float nearestGap = gaps.stream().reduce(Float.MAX_VALUE, Math::min);
        BinaryOperator<Float> add = Float::sum;
        float spread = gaps.stream().reduce(0f, add);
        List<Integer> ids = new ArrayList<>();
        neighbours.forEach(n -> ids.add(n.id()));
        ids.sort(Integer::compare);
        int highestId = IntStream.concat(IntStream.of(self.id()), ids.stream().mapToInt(Integer::intValue))
                .reduce(Integer.MIN_VALUE, Math::max);
        long known = Stream.of(self, world.playerPosition(), neighbours.isEmpty() ? null : neighbours.get(0))
                .filter(Objects::nonNull).count();

        Status status = TREE.tick(new Blackboard(self, world, me, world.playerPosition(), neighbours, nearestGap));
        self.memory().putInt("status", status.ordinal());
        self.memory().putInt("leader", highestId == self.id() ? 1 : 0);
        self.memory().putFloat("spread", known > 0 ? spread : 0f);
    }
}
