package dev.pitstop.reload.bytecode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cost from the scripts' member table ({@code 1+len(this)*a0/16}), parsed: integer arithmetic
 * over argument values and the sizes {@code dev.pitstop.guard.Costs} computes at run time. The
 * instrumentation compiles it into the bytecode that runs just before the call. Immutable; any
 * thread.
 */
sealed interface CostExpression {

    /** Functions of one or two references (or, for hashCapacity, two values), by name → arity. */
    Map<String, Integer> FUNCTIONS = Map.of("len", 1, "deep", 1, "seq", 1, "search", 1, "lookup", 2,
            "insert", 2, "format", 2, "hashCapacity", 2, "log", 1, "grow", 2);

    /** A whole number. */
    record Number(long value) implements CostExpression { }

    /** The value of an argument of primitive type: {@code a0}; {@code parameter} counts from 0 after the receiver. */
    record Value(int parameter) implements CostExpression { }

    /** A reference for a function: {@code this} (parameter -1), {@code a0}, or {@code null} (parameter -2). */
    record Reference(int parameter) implements CostExpression {
        static final int THIS = -1;
        static final int NULL = -2;
    }

    /** {@code len(this)}, {@code lookup(this,a0)}, {@code log(a0)}. */
    record Call(String function, List<CostExpression> arguments) implements CostExpression { }

    /** {@code +}, {@code -} (never below 0), {@code *}, {@code /}. */
    record Binary(char operator, CostExpression left, CostExpression right) implements CostExpression { }

    /** Whether the expression reads an argument or the receiver (else it is a constant charge). */
    default boolean readsArguments() {
        return reads(p -> p != Reference.NULL);
    }

    /** Whether the expression reads an argument of the call (the receiver aside). */
    default boolean readsParameters() {
        return reads(p -> p >= 0);
    }

    /** Whether the expression reads the receiver ({@code this}). */
    default boolean readsReceiver() {
        return reads(p -> p == Reference.THIS);
    }

    /** Whether the expression reads a parameter (a value, or a reference: -1 for this) that {@code which} accepts. */
    private boolean reads(java.util.function.IntPredicate which) {
        if (this instanceof Value v) {
            return which.test(v.parameter());
        }
        if (this instanceof Reference r) {
            return which.test(r.parameter());
        }
        if (this instanceof Call c) {
            return c.arguments().stream().anyMatch(a -> a.reads(which));
        }
        return this instanceof Binary b && (b.left().reads(which) || b.right().reads(which));
    }

    /** The value of an expression that reads no argument. */
    default long constant() {
        if (this instanceof Number n) {
            return n.value();
        }
        if (this instanceof Binary b) {
            long l = b.left().constant();
            long r = b.right().constant();
            return switch (b.operator()) {
                case '+' -> dev.pitstop.guard.Costs.add(l, r);
                case '-' -> dev.pitstop.guard.Costs.sub(l, r);
                case '*' -> dev.pitstop.guard.Costs.mul(l, r);
                default -> dev.pitstop.guard.Costs.div(l, r);
            };
        }
        if (this instanceof Call c && c.function().equals("log")) {
            return dev.pitstop.guard.Costs.log(c.arguments().get(0).constant());
        }
        throw new IllegalStateException("not a constant: " + this);
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming what is wrong and where
     */
    static CostExpression parse(String text) {
        Parser p = new Parser(text);
        CostExpression e = p.sum();
        p.skipSpaces();
        if (p.at < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.at) + "'");
        }
        return e;
    }

    /** A recursive-descent parser over the text of one cost. */
    final class Parser {
        private final String text;
        private int at;

        private Parser(String text) {
            this.text = text;
        }

        CostExpression sum() {
            CostExpression left = product();
            while (true) {
                skipSpaces();
                if (peek('+') || peek('-')) {
                    char op = text.charAt(at++);
                    left = new Binary(op, left, product());
                } else {
                    return left;
                }
            }
        }

        private CostExpression product() {
            CostExpression left = factor();
            while (true) {
                skipSpaces();
                if (peek('*') || peek('/')) {
                    char op = text.charAt(at++);
                    left = new Binary(op, left, factor());
                } else {
                    return left;
                }
            }
        }

        private CostExpression factor() {
            skipSpaces();
            if (peek('(')) {
                at++;
                CostExpression e = sum();
                expect(')');
                return e;
            }
            if (at < text.length() && Character.isDigit(text.charAt(at))) {
                int start = at;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                return new Number(Long.parseLong(text.substring(start, at)));
            }
            String word = word();
            if (word.isEmpty()) {
                throw error("a number, an argument or a function expected");
            }
            Integer arity = FUNCTIONS.get(word);
            if (arity != null) {
                expect('(');
                List<CostExpression> args = new ArrayList<>();
                for (int i = 0; i < arity; i++) {
                    if (i > 0) {
                        expect(',');
                    }
                    // log(E) and the second of grow(x, E) are numbers; every other argument is a reference
                    args.add(word.equals("log") || word.equals("grow") && i == 1 ? sum() : argument());
                }
                expect(')');
                return new Call(word, List.copyOf(args));
            }
            if (word.matches("a\\d+")) {
                return new Value(Integer.parseInt(word.substring(1)));
            }
            throw error("unknown name '" + word + "'");
        }

        private CostExpression argument() {
            skipSpaces();
            int start = at;
            String word = word();
            if (word.equals("this")) {
                return new Reference(Reference.THIS);
            }
            if (word.equals("null")) {
                return new Reference(Reference.NULL);
            }
            if (word.matches("a\\d+")) {
                return new Reference(Integer.parseInt(word.substring(1)));
            }
            at = start;
            throw error("this, null or an argument (a0, a1, ...) expected");
        }

        private String word() {
            skipSpaces();
            int start = at;
            while (at < text.length() && Character.isLetterOrDigit(text.charAt(at))) {
                at++;
            }
            return text.substring(start, at);
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            skipSpaces();
            if (!peek(c)) {
                throw error("'" + c + "' expected");
            }
            at++;
        }

        void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at column " + (at + 1) + " of '" + text + "'");
        }
    }
}
