package dev.pitstop.sim;

import dev.pitstop.api.Agent;
import dev.pitstop.api.Body;
import dev.pitstop.api.Memory;
import dev.pitstop.api.World;
import java.util.function.Consumer;
import org.joml.Vector2fc;

/**
 * What one update is handed: its {@link Agent}, its {@link World} and the agent's {@link Memory},
 * one object made for that update alone (one allocation per update instead of three). Every
 * method first checks that the update it was made for is still running, on the thread running it
 * ({@link CurrentUpdate}: a field compare and {@code Thread.currentThread()}); a view kept and
 * used later is refused with the script line, and changes nothing. Then it forwards to the
 * simulation's per-update state ({@link AgentView}, {@link WorldView}, {@link MemoryJournal}).
 *
 * <p>Used by script code on the thread running the simulation; the check is what makes a use from
 * any other thread safe.
 */
final class UpdateView implements Agent, World, Memory {

    private final CurrentUpdate owner;
    private final long serial;
    private final long tick;
    private final int entity;

    UpdateView(CurrentUpdate owner, long serial, long tick, int entity) {
        this.owner = owner;
        this.serial = serial;
        this.tick = tick;
        this.entity = entity;
    }

    /** Whether the update this was handed to is running now, on this thread. */
    boolean valid() {
        CurrentUpdate o = owner;
        return o.serial == serial && o.thread == Thread.currentThread();
    }

    /** Refuses (throws for) a use of {@code what} after this view's update. */
    void refuse(String what) {
        owner.refuse(what, tick, entity);
    }

    private CurrentUpdate agent() {
        if (!valid()) {
            refuse("Agent");
        }
        return owner;
    }

    private CurrentUpdate world() {
        if (!valid()) {
            refuse("World");
        }
        return owner;
    }

    private MemoryJournal memoryJournal() {
        if (!valid()) {
            refuse("Memory");
        }
        return owner.agent.journal();
    }

    // Agent

    @Override
    public int id() {
        return agent().agent.id();
    }

    @Override
    public Vector2fc position() {
        return agent().agent.position();
    }

    @Override
    public Vector2fc velocity() {
        return agent().agent.velocity();
    }

    @Override
    public float health() {
        return agent().agent.health();
    }

    @Override
    public void setVelocity(float vx, float vy) {
        agent().agent.setVelocity(vx, vy);
    }

    @Override
    public void fire(float dirX, float dirY) {
        agent().agent.fire(dirX, dirY);
    }

    @Override
    public Memory memory() {
        agent();
        return this;
    }

    // World

    @Override
    public long tick() {
        return world().world.tick();
    }

    @Override
    public float dt() {
        return world().world.dt();
    }

    @Override
    public Vector2fc playerPosition() {
        return world().world.playerPosition();
    }

    @Override
    public Vector2fc playerVelocity() {
        return world().world.playerVelocity();
    }

    @Override
    public float arenaWidth() {
        return world().world.arenaWidth();
    }

    @Override
    public float arenaHeight() {
        return world().world.arenaHeight();
    }

    @Override
    public float random() {
        return world().world.random();
    }

    @Override
    public void forEachNeighbour(Body self, float radius, Consumer<Body> visitor) {
        world().world.forEachNeighbour(self, radius, visitor, this);
    }

    @Override
    public void log(String message) {
        world().world.log(message);
    }

    @Override
    public void debugLine(float x1, float y1, float x2, float y2, int rgb) {
        world().world.debugLine(x1, y1, x2, y2, rgb);
    }

    @Override
    public void debugCircle(float x, float y, float radius, int rgb) {
        world().world.debugCircle(x, y, radius, rgb);
    }

    // Memory

    @Override
    public int getInt(String key, int fallback) {
        return memoryJournal().getInt(key, fallback);
    }

    @Override
    public void putInt(String key, int value) {
        memoryJournal().putInt(key, value);
    }

    @Override
    public float getFloat(String key, float fallback) {
        return memoryJournal().getFloat(key, fallback);
    }

    @Override
    public void putFloat(String key, float value) {
        memoryJournal().putFloat(key, value);
    }

    @Override
    public String toString() {
        return "Agent#" + entity + "@tick" + tick;
    }
}
