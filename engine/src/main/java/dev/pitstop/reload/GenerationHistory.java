package dev.pitstop.reload;

import java.util.ArrayList;
import java.util.List;

/**
 * The generations kept alive on purpose, newest first, at most {@link #capacity()} of them, and
 * which one is live: what a rollback goes back to and what an A/B switch ({@code generation N},
 * F8) chooses among. Anything older is dropped here so that its class loader can be collected.
 * Game thread only.
 */
public final class GenerationHistory {

    public static final int DEFAULT_CAPACITY = 4;

    private final int capacity;
    private final List<Generation> kept = new ArrayList<>();
    private Generation live;

    public GenerationHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2 (live and previous), was " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Records a newly built {@code g} as kept and live; the oldest kept one beyond capacity goes. */
    public void wentLive(Generation g) {
        kept.removeIf(k -> k.number() == g.number());
        int at = 0;
        while (at < kept.size() && kept.get(at).number() > g.number()) {
            at++;
        }
        kept.add(at, g);
        live = g;
        while (kept.size() > capacity) {
            kept.remove(kept.size() - 1);
        }
    }

    public Generation live() {
        return live;
    }

    /** The newest kept generation older than the live one, or null. */
    public Generation previous() {
        for (Generation g : kept) {
            if (live != null && g.number() < live.number()) {
                return g;
            }
        }
        return null;
    }

    /** Drops the live generation (it failed or was rolled back) and makes {@link #previous()} live. */
    public Generation dropLive() {
        Generation to = previous();
        kept.remove(live);
        live = to;
        return to;
    }

    /** Makes the kept generation {@code g} live without dropping anything (an A/B switch). */
    public void switchTo(Generation g) {
        if (!kept.contains(g)) {
            throw new IllegalArgumentException("generation " + g.number() + " is not kept");
        }
        live = g;
    }

    /** The next older kept generation after the live one, wrapping to the newest (F8). */
    public Generation nextInCycle() {
        Generation older = previous();
        return older != null ? older : kept.isEmpty() ? null : kept.get(0);
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
