package dev.pitstop.sim;

import dev.pitstop.guard.WorkBudget;
import dev.pitstop.world.Entities;

/**
 * The update a simulation is running now, and the stamp that tells the views it handed out (an
 * {@link UpdateView} per update, the neighbour bodies of that update) whether they are still
 * valid: a serial bumped at the start and at the end of every update, and the thread running the
 * simulation. A view is valid only while the serial is the one it was made with, on that thread,
 * so a view a script keeps (in a field, a static, a collection) and uses later, for another
 * entity, in another tick or from another thread, acts on nothing: its use is refused.
 *
 * <p>Written by the thread running the simulation (the game thread, or the thread of a shadow run
 * or warm-up); a view used from another thread reads {@link #serial} and {@link #thread} without
 * synchronization, which is enough: that thread can never read itself back as the owner.
 */
final class CurrentUpdate {

    final AgentView agent = new AgentView();
    WorldView world;

    /** Counts the starts and ends of updates; what a view was made with, it must still be. */
    long serial;
    /** The thread running the simulation, set at the start of every tick. */
    Thread thread;
    /** Whether the live scripts run under a work budget; without one, a stale use is an ordinary exception. */
    private boolean budgeted;
    private long tick;
    private int entityId;
    private boolean running;

    /** At the start of a tick, on the thread that runs it. */
    void enterTick(boolean underBudget) {
        thread = Thread.currentThread();
        budgeted = underBudget;
    }

    /** Starts the update of entity {@code i} and returns what it is handed: one object per update. */
    UpdateView begin(Entities e, int i, long worldTick) {
        long s = ++serial;
        tick = worldTick;
        entityId = e.id[i];
        running = true;
        agent.begin(e, i);
        return new UpdateView(this, s, worldTick, entityId);
    }

    /** The update is over: everything handed to it is stale from now on. */
    void end() {
        serial++;
        running = false;
    }

    /**
     * Refuses a view used where it is no longer valid, by throwing. Under a budget the error stops
     * the script's run (a script that catches it meets it again at its next counted point), so the
     * update faults with the script line; without one it is an {@link IllegalStateException}.
     *
     * @param what      what was used: "Agent", "World", "Memory", a neighbour's "Body"
     * @param handedAt  the tick of the update it was handed to
     * @param handedTo  the entity of that update
     */
    void refuse(String what, long handedAt, int handedTo) {
        StringBuilder sb = new StringBuilder("stopped: the ").append(what).append(" handed to an earlier update (tick ")
                .append(handedAt).append(", entity ").append(handedTo).append(") was used ");
        if (Thread.currentThread() != thread) {
            sb.append("from another thread (").append(Thread.currentThread().getName()).append(')');
        } else if (!running) {
            sb.append("outside any update");
        } else {
            sb.append("in the update of entity ").append(entityId).append(" in tick ").append(tick);
        }
        sb.append(": a view is valid only during the update it was handed to; keep ids and values, not views");
        String message = sb.toString();
        // Scripts are trusted or not for the whole engine, so under a budget the thread that used
        // the view, whichever it is, is running instrumented script code: stop its run.
        if (budgeted) {
            throw WorkBudget.fail(message);
        }
        throw new IllegalStateException(message);
    }
}
