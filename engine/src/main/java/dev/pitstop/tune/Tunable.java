package dev.pitstop.tune;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One {@code static final} constant of a script source whose initializer is one literal,
 * optionally negated, as found in one version of its file. Spans are byte offsets into that
 * version's content (UTF-8), end exclusive: {@code value} covers the whole initializer (a leading
 * {@code -} included), {@code literal} the literal alone; they are equal for a positive one.
 * Immutable; any thread.
 *
 * @param name          {@code Class.FIELD} with simple class names, {@code Outer.Inner.FIELD} when nested
 * @param qualifiedName the same with the package in front ({@code demo.Chaser.SPEED})
 * @param owner         the declaring class as in {@code name} ({@code Outer.Inner})
 * @param file          the file, relative to the script folder, with '/' separators
 * @param line          the line of the literal, from 1
 * @param text          the initializer as written ({@code 90f}, {@code -40}, {@code - 40})
 * @param number        its value (null for a boolean)
 * @param range         its {@code @Range} hint, or null
 */
record Tunable(String name, String qualifiedName, String owner, TunableType type, String file, long line,
        int valueStart, int valueEnd, int literalStart, int literalEnd, String text, BigDecimal number,
        RangeHint range) {

    Tunable {
        Objects.requireNonNull(name);
        Objects.requireNonNull(qualifiedName);
        Objects.requireNonNull(type);
        Objects.requireNonNull(file);
        Objects.requireNonNull(text);
        if (valueStart < 0 || valueStart > literalStart || literalStart >= literalEnd || literalEnd != valueEnd) {
            throw new IllegalArgumentException("bad spans for " + name + ": value " + valueStart + ".." + valueEnd
                    + ", literal " + literalStart + ".." + literalEnd);
        }
        if ((type == TunableType.BOOLEAN) != (number == null)) {
            throw new IllegalArgumentException(name + ": a boolean has no number, every other type has one");
        }
    }

    /** Whether the initializer has a minus sign. */
    boolean negative() {
        return literalStart > valueStart;
    }

    /** The literal alone, as written ({@code 40} of {@code - 40}). */
    String literal() {
        return text.substring(text.length() - (literalEnd - literalStart));
    }

    boolean booleanValue() {
        return type == TunableType.BOOLEAN && text.equals("true");
    }
}
