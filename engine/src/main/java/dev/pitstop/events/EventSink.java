package dev.pitstop.events;

/**
 * Where events go. Implementations are called on whichever thread emits (game, reload, watcher),
 * so they must be thread-safe and quick: no disk, no waiting.
 */
@FunctionalInterface
public interface EventSink {

    void emit(Event event);

    /** A sink that drops everything. */
    EventSink NONE = e -> { };
}
