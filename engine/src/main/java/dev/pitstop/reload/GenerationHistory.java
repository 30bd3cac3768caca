package dev.pitstop.reload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The generations that went live, newest first, at most {@link #capacity()} of them: the live one
 * and the ones a rollback or an A/B switch can go back to. Anything older is dropped here so that
 * its class loader can be collected. Game thread only.
 */
public final class GenerationHistory {

    public static final int DEFAULT_CAPACITY = 4;

    private final int capacity;
    private final Deque<Generation> kept = new ArrayDeque<>();

    public GenerationHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2 (live and previous), was " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Records {@code g} as live. */
    public void wentLive(Generation g) {
        kept.removeIf(k -> k.number() == g.number());
        kept.addFirst(g);
        while (kept.size() > capacity) {
            kept.removeLast();
        }
    }

    public Generation live() {
        return kept.peekFirst();
    }

    /** The generation live before the current one, or null. */
    public Generation previous() {
        if (kept.size() < 2) {
            return null;
        }
        var it = kept.iterator();
        it.next();
        return it.next();
    }

    /** Drops the live generation (it failed) and returns the one now live, or null if none is left. */
    public Generation dropLive() {
        kept.pollFirst();
        return kept.peekFirst();
    }

    /** A kept generation by number, or null. */
    public Generation find(int number) {
        for (Generation g : kept) {
            if (g.number() == number) {
                return g;
            }
        }
        return null;
    }

    /** Numbers kept, newest first. */
    public List<Integer> numbers() {
        List<Integer> n = new ArrayList<>();
        kept.forEach(g -> n.add(g.number()));
        return n;
    }
}
