package dev.pitstop.tune;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of tunables as people type them and as Java source writes them: reads a value for a
 * field type (rejecting a fraction for an integer, a number out of the type's range, a suffix of
 * another type) and writes the new literal in the field type's syntax ({@code 120f}, {@code 0.25},
 * {@code 3L}, {@code -40}, {@code true}), keeping what it can of the old literal's form (a hex
 * int stays hex with as many digits, a suffix keeps its case). Floating-point values are written
 * as the shortest decimal that reads back as the same float or double. Stateless; any thread.
 */
final class ValueSyntax {

    private static final Pattern NUMBER = Pattern.compile(
            "([+-]?)\\s*(0[xX][0-9a-fA-F]+|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)([fFdDlL]?)");
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ValueSyntax() {
    }

    /** Why a typed value does not fit a tunable; the message is for people. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message);
        }
    }

    /**
     * A value of a tunable's type: {@code number} exactly as it will be written (a float's is the
     * float's own value), or {@code bool} for a boolean.
     */
    record Value(BigDecimal number, boolean bool) {

        boolean negative() {
            return number != null && number.signum() < 0;
        }
    }

    /** Reads {@code input} as a value of {@code type}; {@code name} is only for the message. */
    static Value parse(TunableType type, String name, String input) throws BadValue {
        String s = input.strip().replace("_", "");
        if (type == TunableType.BOOLEAN) {
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return new Value(null, s.equalsIgnoreCase("true"));
            }
            throw new BadValue(name + " is a boolean: true or false, not '" + input.strip() + "'");
        }
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            throw new BadValue(name + " is " + article(type) + ": " + example(type) + ", not '" + input.strip() + "'");
        }
        boolean minus = m.group(1).equals("-");
        String digits = m.group(2);
        String suffix = m.group(3).toLowerCase(Locale.ROOT);
        boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
        boolean suffixFits = switch (type) {
            case INT -> suffix.isEmpty();
            case LONG -> suffix.isEmpty() || suffix.equals("l");
            case FLOAT -> suffix.isEmpty() || suffix.equals("f");
            case DOUBLE -> suffix.isEmpty() || suffix.equals("d");
            case BOOLEAN -> false;
        };
        if (!suffixFits) {
            throw new BadValue(name + " is " + article(type) + ": " + example(type) + ", not '" + input.strip() + "'");
        }
        if (type.whole()) {
            if (!hex && (digits.contains(".") || digits.contains("e") || digits.contains("E"))) {
                throw new BadValue(name + " is " + article(type) + ": a whole number like " + example(type) + ", not '"
                        + input.strip() + "'");
            }
            BigInteger v = hex ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
            if (minus) {
                v = v.negate();
            }
            BigInteger min = type == TunableType.INT ? INT_MIN : LONG_MIN;
            BigInteger max = type == TunableType.INT ? INT_MAX : LONG_MAX;
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                throw new BadValue(name + " is " + article(type) + ": " + v + " is out of its range (" + min + " to "
                        + max + ")");
            }
            return new Value(new BigDecimal(v), false);
        }
        if (hex) {
            throw new BadValue(name + " is " + article(type) + ": write it in decimal, like " + example(type));
        }
        BigDecimal exact = new BigDecimal(digits);
        String shortest;
        if (type == TunableType.FLOAT) {
            float f = Float.parseFloat(digits);
            if (Float.isInfinite(f)) {
                throw new BadValue(name + " is a float: " + input.strip() + " is too large for one");
            }
            if (f == 0f && exact.signum() != 0) {
                throw new BadValue(name + " is a float: " + input.strip() + " is too small for one (it would be 0)");
            }
            shortest = shortest(f);
        } else {
            double d = Double.parseDouble(digits);
            if (Double.isInfinite(d)) {
                throw new BadValue(name + " is a double: " + input.strip() + " is too large for one");
            }
            if (d == 0d && exact.signum() != 0) {
                throw new BadValue(name + " is a double: " + input.strip() + " is too small for one (it would be 0)");
            }
            shortest = shortest(d);
        }
        BigDecimal v = new BigDecimal(shortest);
        return new Value(minus && v.signum() != 0 ? v.negate() : v, false);
    }

    private static String article(TunableType type) {
        return type == TunableType.INT ? "an int" : "a " + type.javaName;
    }

    private static String example(TunableType type) {
        return switch (type) {
            case INT -> "40";
            case LONG -> "40 or 40L";
            case FLOAT -> "120, 0.25 or 120f";
            case DOUBLE -> "120 or 0.25";
            case BOOLEAN -> "true";
        };
    }

    /** What replaces which bytes of the file: {@code [start, end)} becomes {@code text} (ASCII). */
    record Replacement(int start, int end, String text, String valueText) { }

    /**
     * The edit that gives {@code t} the value {@code v}: only the literal when the sign stays, the
     * whole initializer when a minus sign goes, the literal with a minus in front when one comes.
     *
     * @return the edit; its {@code valueText} is the initializer as it will read afterwards
     */
    static Replacement replacement(Tunable t, Value v) {
        String head = t.text().substring(0, t.text().length() - (t.literalEnd() - t.literalStart()));
        if (t.type() == TunableType.BOOLEAN) {
            String text = Boolean.toString(v.bool());
            return new Replacement(t.literalStart(), t.literalEnd(), text, text);
        }
        String magnitude = magnitude(t.type(), v.number().abs(), t.literal());
        if (v.negative() == t.negative()) {
            return new Replacement(t.literalStart(), t.literalEnd(), magnitude, head + magnitude);
        }
        if (t.negative()) {
            return new Replacement(t.valueStart(), t.valueEnd(), magnitude, magnitude);
        }
        return new Replacement(t.literalStart(), t.literalEnd(), "-" + magnitude, "-" + magnitude);
    }

    /** A non-negative value as a literal of {@code type}, in the style of {@code old} where it can. */
    static String magnitude(TunableType type, BigDecimal abs, String old) {
        String suffix = old.isEmpty() ? "" : old.substring(old.length() - 1);
        switch (type) {
            case INT, LONG -> {
                String oldDigits = old.replace("_", "");
                boolean hex = oldDigits.startsWith("0x") || oldDigits.startsWith("0X");
                String body;
                if (hex) {
                    String oldHex = oldDigits.substring(2).replaceAll("[lL]$", "");
                    String h = abs.toBigIntegerExact().toString(16);
                    h = oldHex.chars().anyMatch(ch -> ch >= 'A' && ch <= 'F') ? h.toUpperCase(Locale.ROOT) : h;
                    body = oldDigits.substring(0, 2) + "0".repeat(Math.max(0, oldHex.length() - h.length())) + h;
                } else {
                    body = abs.toBigIntegerExact().toString();
                }
                return type == TunableType.LONG ? body + (suffix.equals("l") ? "l" : "L") : body;
            }
            case FLOAT -> {
                return plain(abs) + (suffix.equals("F") ? "F" : "f");
            }
            case DOUBLE -> {
                String body = plain(abs);
                if (suffix.equals("d") || suffix.equals("D")) {
                    return body + suffix;
                }
                return body.contains(".") || body.contains("e") ? body : body + ".0";
            }
            default -> throw new IllegalArgumentException("not a number type: " + type);
        }
    }

    /** The shortest decimal that reads back as {@code f}, without a suffix. */
    static String shortest(float f) {
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; digits <= 9; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(r.toString()) == f) {
                return plain(r);
            }
        }
        return plain(exact);
    }

    /** The shortest decimal that reads back as {@code d}. */
    static String shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(r.toString()) == d) {
                return plain(r);
            }
        }
        return plain(exact);
    }

    /** {@code 120}, {@code 0.25}, or {@code 1.5e-9} where plain digits would run long. */
    static String plain(BigDecimal v) {
        if (v.signum() == 0) {
            return "0";
        }
        BigDecimal s = v.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1;
        if (exponent > -7 && exponent < 13) {
            return s.toPlainString();
        }
        String digits = s.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (s.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }
}
