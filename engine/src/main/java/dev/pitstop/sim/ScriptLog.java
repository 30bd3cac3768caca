package dev.pitstop.sim;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.world.WorldState;
import java.util.Arrays;

/**
 * {@code World.log}: one {@code log} event per message, at most
 * {@link Rules#LOGS_PER_BEHAVIOUR_SECOND} per behaviour per second of game time; the number
 * dropped rides on the next message let through. Game thread (or a shadow run's thread) only.
 */
final class ScriptLog {

    private final WorldState world;
    private final EventSink events;
    private int[] sent = new int[8];
    private int[] dropped = new int[8];
    private long windowStartTick;
    private int slot;
    private int entityId;
    private String behaviour = "";

    ScriptLog(WorldState world, EventSink events) {
        this.world = world;
        this.events = events;
    }

    /** Who is running now; called before each update. */
    void current(int slotHandle, String behaviourName, int entity) {
        slot = slotHandle;
        behaviour = behaviourName;
        entityId = entity;
    }

    void log(String message) {
        if (world.tick - windowStartTick >= world.hz) {
            windowStartTick = world.tick;
            Arrays.fill(sent, 0);
        }
        if (slot >= sent.length) {
            sent = Arrays.copyOf(sent, slot + 8);
            dropped = Arrays.copyOf(dropped, slot + 8);
        }
        if (sent[slot] >= Rules.LOGS_PER_BEHAVIOUR_SECOND) {
            dropped[slot]++;
            return;
        }
        sent[slot]++;
        String text = message.length() > Rules.MAX_LOG_CHARS ? message.substring(0, Rules.MAX_LOG_CHARS) + "…" : message;
        Event e = Event.of("log", world.tick).with("behaviour", behaviour).with("entity", entityId).with("message", text);
        if (dropped[slot] > 0) {
            e.with("dropped", dropped[slot]);
            dropped[slot] = 0;
        }
        events.emit(e);
    }
}
