package dev.pitstop.tune;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The value the panel is setting, and when it goes to the tuner. Every write is a build, so while
 * a value moves (a drag, a key held down) writes are coalesced: the first goes at once, then at
 * most one per {@link #WRITE_INTERVAL_NANOS}, and the last value wins; the panel shows the value
 * as building from the moment it is set. Game thread only: it hands values to the tuner and never
 * waits for it.
 */
final class CoalescedWrites {

    /** At most five writes a second while a value is dragged or stepped; each is a build. */
    static final long WRITE_INTERVAL_NANOS = 200_000_000L;

    private final Tuner tuner;
    private Target target;
    private long lastSentNanos;
    private boolean sentAny;

    /**
     * A value being set: not handed to the tuner yet ({@code number} 0), or handed over and not
     * yet handled by it.
     *
     * @param text the value as it will be written ({@code 2.1f} for {@code 2.1})
     */
    private record Target(Tunable tunable, String input, String text, long number) { }

    CoalescedWrites(Tuner tuner) {
        this.tuner = Objects.requireNonNull(tuner);
    }

    /**
     * The value to set {@code t} to is {@code input}: written now, or when the interval since the
     * last write is up.
     *
     * @throws ValueSyntax.BadValue if it is not a value of {@code t}'s type (nothing changes)
     */
    void set(Tunable t, String input, long nanos) throws ValueSyntax.BadValue {
        String text = ValueSyntax.replacement(t, ValueSyntax.parse(t.type(), t.name(), input)).valueText();
        target = new Target(t, input, text, 0);
        if (!sentAny || nanos - lastSentNanos >= WRITE_INTERVAL_NANOS) {
            flush(nanos);
        }
    }

    /** Hands a value not yet written to the tuner, now (an undo must come after it, a typed value is meant). */
    void flush(long nanos) {
        if (target != null && target.number == 0) {
            long number = tuner.tune(target.tunable.qualifiedName(), target.input);
            target = new Target(target.tunable, target.input, target.text, number);
            lastSentNanos = nanos;
            sentAny = true;
        }
    }

    /**
     * Once a frame: forgets a value the tuner has handled ({@code done} is the last command it
     * handled) and writes a coalesced one whose time has come.
     *
     * @return whether a value was forgotten (the panel then shows what the tuner says instead)
     */
    boolean frame(long done, long nanos) {
        boolean forgot = false;
        if (target != null && target.number != 0 && done >= target.number) {
            target = null; // written (its value shows as building) or refused (the message says why)
            forgot = true;
        }
        if (target != null && target.number == 0 && nanos - lastSentNanos >= WRITE_INTERVAL_NANOS) {
            flush(nanos);
        }
        return forgot;
    }

    /** Whether nothing is being set. */
    boolean idle() {
        return target == null;
    }

    /** Whether {@code t} is being set to {@code input}. */
    boolean setting(Tunable t, String input) {
        return input(t) != null && target.input.equals(input);
    }

    /** The value {@code t} is being set to, as it will be written, or null. */
    String text(Tunable t) {
        return input(t) == null ? null : target.text;
    }

    /** The value {@code t} is being set to, as given, or null. */
    private String input(Tunable t) {
        return target != null && target.tunable.qualifiedName().equals(t.qualifiedName()) ? target.input : null;
    }

    /** The number the panel shows for {@code item}: the one being set, else the one building, else the live one. */
    BigDecimal shownNumber(TunerSnapshot.Item item) {
        Tunable t = item.tunable();
        String text = input(t) != null ? input(t) : item.building();
        if (text != null) {
            try {
                BigDecimal n = ValueSyntax.parse(t.type(), t.name(), text).number();
                if (n != null) {
                    return t.type().whole() ? n.setScale(0, RoundingMode.HALF_EVEN) : n;
                }
            } catch (ValueSyntax.BadValue e) {
                // written in a form the reader does not take (a comment after the sign, say): the live value then
            }
        }
        return t.number();
    }

    /** The boolean the panel shows for {@code item}, chosen as {@link #shownNumber} chooses. */
    boolean shownBoolean(TunerSnapshot.Item item) {
        Tunable t = item.tunable();
        String text = input(t) != null ? input(t) : item.building() != null ? item.building() : t.text();
        return text.equals("true");
    }
}
