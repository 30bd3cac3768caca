package dev.pitstop.sim;

import dev.pitstop.events.Event;
import dev.pitstop.events.EventSink;
import dev.pitstop.world.WorldState;
import java.util.Arrays;

/**
 * {@code World.log}: one {@code log} event per message, at most
 * {@link Rules#LOGS_PER_BEHAVIOUR_SECOND} per behaviour per second of game time; the number
 * dropped rides on the next message let through. Events are held until {@link #flush()}, which the
 * simulation calls after each update: a script deep in a recursion may call {@code log} with
 * almost no stack left, and a stack overflow halfway through the event log's listeners or writer
 * could leave them broken, while one halfway through this method loses a message at most. Game
 * thread (or a shadow run's thread) only.
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
    private Event[] held = new Event[4];
    private int heldCount;

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
            // Both copies first, then both fields: an overflow between them must not leave them apart.
            int[] moreSent = Arrays.copyOf(sent, slot + 8);
            int[] moreDropped = Arrays.copyOf(dropped, slot + 8);
            sent = moreSent;
            dropped = moreDropped;
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
        if (heldCount == held.length) {
            held = Arrays.copyOf(held, heldCount * 2);
        }
        held[heldCount++] = e;
    }

    /** Emits the messages of the update that just ended. */
    void flush() {
        if (heldCount == 0) {
            return;
        }
        for (int i = 0; i < heldCount; i++) {
            events.emit(held[i]);
            held[i] = null;
        }
        heldCount = 0;
    }
}
