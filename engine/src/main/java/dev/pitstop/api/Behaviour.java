package dev.pitstop.api;

/**
 * An enemy's brain: the one entry point of a script.
 *
 * <p>A behaviour is a public class with a public no-argument constructor. Its name is its simple
 * class name. The engine makes one instance per script generation and calls {@link #update} on the
 * game thread, once per tick, for every entity it drives. A reload that changes the behaviour's code
 * (or code it uses) replaces the instance, so its fields are lost: keep what must outlive a tick in
 * {@link Agent#memory()}. (An unchanged behaviour keeps its instance, already compiled by the JIT.)
 *
 * <p>If {@code update} throws, nothing it asked for that tick takes effect (velocity, shots, memory
 * writes and random draws are discarded) and the game goes on.
 */
public interface Behaviour {

    /**
     * Decides what {@code self} does this tick. Called on the game thread.
     *
     * @param self  the entity this behaviour drives; valid only during this call
     * @param world the world, read-only but for the random source, logging and debug drawing
     */
    void update(Agent self, World world);
}
