package dev.pitstop.tune;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The tuner's writes, newest first, for {@code tune undo} and redo (Ctrl+Z and Ctrl+Y in the
 * panel). A new tune clears what could be redone, as in an editor. At most {@link #CAPACITY} are
 * kept. Tune thread only.
 */
final class UndoHistory {

    static final int CAPACITY = 256;

    private final Deque<Change> undo = new ArrayDeque<>();
    private final Deque<Change> redo = new ArrayDeque<>();

    /** A new tune was written. */
    void wrote(Change c) {
        push(undo, c);
        redo.clear();
    }

    /** The change {@code undo} would take back, or null. */
    Change nextUndo() {
        return undo.peekFirst();
    }

    Change nextRedo() {
        return redo.peekFirst();
    }

    /** {@link #nextUndo()} was taken back. */
    void undone() {
        push(redo, undo.removeFirst());
    }

    /** {@link #nextRedo()} was written again. */
    void redone() {
        push(undo, redo.removeFirst());
    }

    private static void push(Deque<Change> stack, Change c) {
        stack.addFirst(c);
        while (stack.size() > CAPACITY) {
            stack.removeLast();
        }
    }
}
