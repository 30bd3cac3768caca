package dev.pitstop.bench.jmh;

import dev.pitstop.api.Body;
import dev.pitstop.api.World;
import java.util.function.Consumer;
import org.joml.Vector2f;
import org.joml.Vector2fc;

/** A world where time stands still and the player at the centre: what the dispatch benchmark's scripts see. Benchmark thread. */
final class StillWorld implements World {

    private final Vector2f player = new Vector2f(640f, 360f);
    private final Vector2f still = new Vector2f();
    private int seed = 1;

    @Override
    public long tick() {
        return 0;
    }

    @Override
    public float dt() {
        return 1f / 60f;
    }

    @Override
    public Vector2fc playerPosition() {
        return player;
    }

    @Override
    public Vector2fc playerVelocity() {
        return still;
    }

    @Override
    public float arenaWidth() {
        return 1280f;
    }

    @Override
    public float arenaHeight() {
        return 720f;
    }

    @Override
    public float random() {
        seed = seed * 1_103_515_245 + 12_345;
        return (seed >>> 8) / (float) (1 << 24);
    }

    @Override
    public void forEachNeighbour(Body self, float radius, Consumer<Body> visitor) {
        // no neighbours
    }

    @Override
    public void log(String message) {
        // dropped
    }

    @Override
    public void debugLine(float x1, float y1, float x2, float y2, int rgb) {
        // dropped
    }

    @Override
    public void debugCircle(float x, float y, float radius, int rgb) {
        // dropped
    }
}
