package dev.pitstop.guard;

import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.RandomAccess;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The sizes a JDK call's cost is computed from, as the scripts' member table names them
 * ({@code len}, {@code deep}, {@code lookup}, ...), and saturating arithmetic to combine them.
 * Instrumented script code evaluates a member's cost with these just before the call and hands
 * the result to {@link WorkBudget#charge}. Also the counting of stream sources: every element
 * that comes out of one costs {@link #STREAM_ELEMENT_UNITS} plus its weight.
 *
 * <p>Threads: whichever thread runs the script code (game, shadow run, loader); stateless. Shared
 * with every script generation's class loader: it holds no reference to script objects.
 */
public final class Costs {

    /** How deep {@link #deep} follows nested collections and arrays. */
    static final int MAX_DEPTH = 8;
    /** The walk of {@link #deep} charges a unit per four elements visited, in pieces of this many. */
    static final int WALK_CHARGE_EVERY = 1024;
    /** What one element that comes out of a stream source costs, before its weight. */
    public static final long STREAM_ELEMENT_UNITS = 2;
    /** Characters one primitive value takes in text at most ({@code -9.223372036854776E18}). */
    static final long PRIMITIVE_CHARS = 24;

    private static final Consumer<Object> ELEMENT = e -> WorkBudget.charge(STREAM_ELEMENT_UNITS + deep(e));
    private static final IntConsumer INT_ELEMENT = e -> WorkBudget.charge(STREAM_ELEMENT_UNITS);
    private static final LongConsumer LONG_ELEMENT = e -> WorkBudget.charge(STREAM_ELEMENT_UNITS);
    private static final DoubleConsumer DOUBLE_ELEMENT = e -> WorkBudget.charge(STREAM_ELEMENT_UNITS);

    private Costs() {
    }

    /** a + b, saturating at {@link Long#MAX_VALUE}; negatives count as 0. */
    public static long add(long a, long b) {
        long x = Math.max(0, a);
        long y = Math.max(0, b);
        long r = x + y;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /** a - b, never below 0. */
    public static long sub(long a, long b) {
        long r = a - b;
        return r < 0 || a < 0 ? 0 : r;
    }

    /** a * b, saturating; negatives count as 0. */
    public static long mul(long a, long b) {
        long x = Math.max(0, a);
        long y = Math.max(0, b);
        long high = Math.multiplyHigh(x, y);
        long r = x * y;
        return high != 0 || r < 0 ? Long.MAX_VALUE : r;
    }

    /** a / b, 0 when b is not positive. */
    public static long div(long a, long b) {
        return b <= 0 || a <= 0 ? 0 : a / b;
    }

    /** The number of bits of {@code v} (0 for 0 and below): a tree's height, a sort's passes. */
    public static long log(long v) {
        return v <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(v);
    }

    /**
     * The length of an array, a CharSequence or a StringJoiner, the size of a Collection or Map, the
     * bits of a BitSet, 1 for a present Optional, otherwise 0. A script's own collection answers
     * through its own (counted) code.
     */
    public static long len(Object x) {
        if (x == null) {
            return 0;
        }
        if (x instanceof CharSequence s) {
            return s.length();
        }
        if (x instanceof Collection<?> c) {
            return c.size();
        }
        if (x instanceof Map<?, ?> m) {
            return m.size();
        }
        if (x.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(x);
        }
        if (x instanceof BitSet b) {
            return b.size();
        }
        if (x instanceof StringJoiner j) {
            return j.length();
        }
        if (x instanceof Optional<?> o) {
            return o.isPresent() ? 1 : 0;
        }
        return 0;
    }

    /**
     * The work of touching all of {@code x} once: one unit per element of an array, Collection or
     * Map, one per 16 characters or primitive elements, nested contents included, followed
     * {@link #MAX_DEPTH} levels deep. The walk costs what it visits: it is charged as it goes, in
     * pieces, so that a walk over more than the run has left stops the script before the call it
     * prices (and before walking the rest).
     */
    public static long deep(Object x) {
        return walk(x, 0);
    }

    private static long walk(Object x, int depth) {
        if (x == null) {
            return 0;
        }
        if (x instanceof CharSequence s) {
            return s.length() / WorkBudget.BYTES_PER_UNIT;
        }
        if (depth >= MAX_DEPTH) {
            return len(x);
        }
        Iterable<?> items = x instanceof Collection<?> c ? c : x instanceof Map<?, ?> m ? m.entrySet()
                : x instanceof Object[] a ? java.util.Arrays.asList(a) : null;
        if (items != null) {
            long total = 0;
            int sinceCharge = 0;
            for (Object e : items) {
                total = add(total, 1 + walk(e, depth + 1));
                if (++sinceCharge == WALK_CHARGE_EVERY) {
                    WorkBudget.charge(WALK_CHARGE_EVERY / 4);
                    sinceCharge = 0;
                }
            }
            return total;
        }
        if (x.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(x) / WorkBudget.BYTES_PER_UNIT;
        }
        if (x instanceof Map.Entry<?, ?> e) {
            return add(walk(e.getKey(), depth + 1), walk(e.getValue(), depth + 1));
        }
        if (x instanceof Optional<?> o) {
            return o.isPresent() ? walk(o.get(), depth + 1) : 0;
        }
        if (x instanceof BitSet b) {
            return b.size() / 1024;
        }
        if (x instanceof StringJoiner j) {
            return j.length() / WorkBudget.BYTES_PER_UNIT;
        }
        return 0;
    }

    /** {@link #len} for a list that walks to an index (a LinkedList), else 0. */
    public static long seq(Object x) {
        return x instanceof List<?> l && !(l instanceof RandomAccess) && isJdk(l) ? l.size() : 0;
    }

    /**
     * The comparisons one lookup in {@code x} makes, the elements' own weight aside: 1 for a hash
     * set or map, its height for a sorted one, its size for a list or queue; 1 for anything else
     * (a script's own collection runs counted code).
     */
    public static long search(Object x) {
        if (x instanceof SortedSet<?> || x instanceof SortedMap<?, ?>) {
            return 1 + log(len(x));
        }
        if (x instanceof Set<?> || x instanceof Map<?, ?>) {
            return 1;
        }
        if (x instanceof Collection<?> c && isJdk(c)) {
            return Math.max(1, c.size());
        }
        return 1;
    }

    /** What finding {@code key} in {@code x} costs: {@link #search} times the key's weight. */
    public static long lookup(Object x, Object key) {
        return mul(search(x), 1 + deep(key));
    }

    /**
     * What adding {@code key} to {@code x} compares: a lookup for a set or map, a heap's height for
     * a priority queue, 1 for a list (where an addition compares nothing).
     */
    public static long insert(Object x, Object key) {
        if (x instanceof Set<?> || x instanceof Map<?, ?>) {
            return lookup(x, key);
        }
        if (x instanceof PriorityQueue<?> q) {
            return mul(1 + log(q.size()), 1 + deep(key));
        }
        return 1;
    }

    /**
     * The bytes appending {@code chars} characters to {@code builder} allocates: nothing while they
     * fit its capacity, a new array of about twice the capacity when they do not (for a
     * StringBuilder or StringBuffer; anything else is charged as a copy of the characters).
     */
    public static long grow(Object builder, long chars) {
        long extra = Math.max(0, chars);
        if (builder instanceof StringBuilder b) {
            return grown(b.length(), b.capacity(), extra);
        }
        if (builder instanceof StringBuffer b) {
            return grown(b.length(), b.capacity(), extra);
        }
        return mul(extra, 2);
    }

    private static long grown(long length, long capacity, long extra) {
        long need = add(length, extra);
        return need <= capacity ? 0 : mul(Math.max(add(mul(capacity, 2), 2), need), 2);
    }

    /**
     * The entries a hash table made for {@code capacity} and {@code loadFactor} may come to hold
     * before it stops growing at every addition. A load factor below 0.25 is stopped here: the
     * table would double at every put, until it takes the heap.
     */
    public static long hashCapacity(long capacity, float loadFactor) {
        if (!(loadFactor >= 0.25f) || Float.isInfinite(loadFactor)) {
            throw WorkBudget.fail("stopped: a hash table's load factor of " + loadFactor + " is below 0.25, "
                    + "which makes its table grow at every addition");
        }
        return (long) (Math.max(0, capacity) / Math.min(loadFactor, 1f));
    }

    /**
     * The characters a format pattern asks for: the pattern itself, every width and precision in
     * it, and every argument as text ({@link #deep} of each, times 16, or a number's few digits).
     */
    public static long format(Object pattern, Object args) {
        long chars = len(pattern);
        if (pattern instanceof CharSequence p) {
            int n = p.length();
            for (int i = 0; i < n; i++) {
                if (p.charAt(i) != '%') {
                    continue;
                }
                long number = 0;
                for (i++; i < n; i++) {
                    char c = p.charAt(i);
                    if (c >= '0' && c <= '9') {
                        number = add(mul(number, 10), c - '0');
                    } else {
                        chars = add(chars, number);
                        number = 0;
                        if (c != '.' && c != '$' && c != '-' && c != '#' && c != '+' && c != ' ' && c != ','
                                && c != '(' && c != '<') {
                            break;
                        }
                    }
                }
                chars = add(chars, add(number, PRIMITIVE_CHARS));
            }
        }
        if (args instanceof Object[] a) {
            for (Object x : a) {
                chars = add(chars, text(x));
            }
        }
        return chars;
    }

    /** The characters {@code x} becomes as text, at most: a string's length, a collection's as deep as it goes. */
    public static long text(Object x) {
        if (x instanceof CharSequence s) {
            return s.length();
        }
        return add(PRIMITIVE_CHARS, mul(deep(x), WorkBudget.BYTES_PER_UNIT));
    }

    /** {@code clone()} of an array: charges its bytes before the copy. */
    public static void arrayClone(Object array) {
        if (array != null) {
            long n = java.lang.reflect.Array.getLength(array);
            Class<?> t = array.getClass().getComponentType();
            long size = t == long.class || t == double.class || !t.isPrimitive() ? 8
                    : t == int.class || t == float.class ? 4 : t == short.class || t == char.class ? 2 : 1;
            WorkBudget.charge(1, mul(n, size));
        }
    }

    /**
     * Before a string concatenation: {@code text} characters are about to be copied. The operands
     * have already been turned into strings by the script's own code, so this is exact.
     */
    public static void concat(long chars) {
        WorkBudget.charge(1, mul(chars, 2));
    }

    /** A stream from a source whose every element is charged as it comes out. */
    public static <T> Stream<T> counted(Stream<T> s) {
        return s.peek(ELEMENT);
    }

    public static IntStream counted(IntStream s) {
        return s.peek(INT_ELEMENT);
    }

    public static LongStream counted(LongStream s) {
        return s.peek(LONG_ELEMENT);
    }

    public static DoubleStream counted(DoubleStream s) {
        return s.peek(DOUBLE_ELEMENT);
    }

    /** The JDK's own classes: their methods are what the table prices; a script's run counted code. */
    private static boolean isJdk(Object x) {
        return x.getClass().getClassLoader() == null;
    }
}
