package dev.pitstop.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Typed values in, literals in the field type's syntax out. */
class ValueSyntaxTest {

    static String written(TunableType type, String old, String input) throws Exception {
        BigDecimal number = type == TunableType.BOOLEAN ? null : new BigDecimal(1);
        boolean negative = old.startsWith("-");
        String literal = negative ? old.substring(1).strip() : old;
        Tunable t = new Tunable("A.X", "t.A.X", "A", type, "t/A.java", 1, 10, 10 + old.length(),
                10 + old.length() - literal.length(), 10 + old.length(), old, number, null);
        return ValueSyntax.replacement(t, ValueSyntax.parse(type, "A.X", input)).valueText();
    }

    @Test
    void writesInTheFieldTypesSyntax() throws Exception {
        assertEquals("120f", written(TunableType.FLOAT, "90f", "120"));
        assertEquals("0.25f", written(TunableType.FLOAT, "90f", "0.25"));
        assertEquals("120F", written(TunableType.FLOAT, "90F", "120f"));
        assertEquals("0.1f", written(TunableType.FLOAT, "1f", "0.1"));
        assertEquals("120.12346f", written(TunableType.FLOAT, "1f", "120.123456789"), "the float's shortest digits");
        assertEquals("1.5e-9f", written(TunableType.FLOAT, "1f", "1.5e-9"));
        assertEquals("0.25", written(TunableType.DOUBLE, "1.0", "0.25"));
        assertEquals("120.0", written(TunableType.DOUBLE, "1.0", "120"));
        assertEquals("120d", written(TunableType.DOUBLE, "1d", "120"));
        assertEquals("0.30000000000000004", written(TunableType.DOUBLE, "1.0", "0.30000000000000004"));
        assertEquals("3L", written(TunableType.LONG, "1L", "3"));
        assertEquals("3l", written(TunableType.LONG, "1l", "3L"));
        assertEquals("-40", written(TunableType.INT, "1", "-40"));
        assertEquals("2147483647", written(TunableType.INT, "1", "2147483647"));
        assertEquals("-2147483648", written(TunableType.INT, "1", "-2147483648"));
        assertEquals("1_000".replace("_", ""), written(TunableType.INT, "1", "1_000"));
        assertEquals("0xFF0000", written(TunableType.INT, "0xFF5050", "16711680"), "hex stays hex");
        assertEquals("0x00ff", written(TunableType.INT, "0x0a0b", "255"), "with as many digits, in its case");
        assertEquals("true", written(TunableType.BOOLEAN, "false", "true"));
        assertEquals("false", written(TunableType.BOOLEAN, "true", "FALSE"));
    }

    @Test
    void keepsTheSignsFormWhereItCan() throws Exception {
        assertEquals("- 50", written(TunableType.INT, "- 40", "-50"), "the space stays");
        assertEquals("50", written(TunableType.INT, "- 40", "50"), "the sign goes with its space");
        assertEquals("-50", written(TunableType.INT, "40", "-50"));
        assertEquals("-2.5f", written(TunableType.FLOAT, "-1f", "-2.5"));
        assertEquals("0f", written(TunableType.FLOAT, "-1f", "-0"), "no negative zero");
    }

    @Test
    void refusesWhatDoesNotFit() {
        assertTrue(bad(TunableType.INT, "2.5").contains("whole number"));
        assertTrue(bad(TunableType.INT, "1e3").contains("whole number"));
        assertTrue(bad(TunableType.INT, "2147483648").contains("out of its range"));
        assertTrue(bad(TunableType.LONG, "9223372036854775808").contains("out of its range"));
        assertTrue(bad(TunableType.INT, "3L").contains("an int"));
        assertTrue(bad(TunableType.FLOAT, "3d").contains("a float"));
        assertTrue(bad(TunableType.DOUBLE, "3f").contains("a double"));
        assertTrue(bad(TunableType.FLOAT, "1e39").contains("too large"));
        assertTrue(bad(TunableType.FLOAT, "1e-50").contains("too small"));
        assertTrue(bad(TunableType.DOUBLE, "NaN").contains("a double"));
        assertTrue(bad(TunableType.FLOAT, "fast").contains("a float"));
        assertTrue(bad(TunableType.BOOLEAN, "1").contains("true or false"));
        assertTrue(bad(TunableType.INT, "true").contains("an int"));
        assertTrue(bad(TunableType.INT, "").contains("an int"));
    }

    static String bad(TunableType type, String input) {
        return assertThrows(ValueSyntax.BadValue.class, () -> ValueSyntax.parse(type, "A.X", input)).getMessage();
    }

    @Test
    void shortestDigitsReadBackExactly() {
        assertEquals("0.1", ValueSyntax.shortest(0.1f));
        assertEquals("0.1", ValueSyntax.shortest(0.1));
        assertEquals("100", ValueSyntax.shortest(100f));
        assertEquals("3.4028235e38", ValueSyntax.shortest(Float.MAX_VALUE));
        assertEquals("1e-45", ValueSyntax.shortest(Float.MIN_VALUE), "shorter than Float.toString");
        assertEquals("5e-324", ValueSyntax.shortest(Double.MIN_VALUE));
        for (float f : new float[] {0.3f, 1f / 3f, 123456.78f, 2e-7f, 16777217f}) {
            assertEquals(f, Float.parseFloat(ValueSyntax.shortest(f)));
        }
        for (double d : new double[] {0.3, 1.0 / 3.0, 2.82879384806159E17, 1e23, 5e-324}) {
            assertEquals(d, Double.parseDouble(ValueSyntax.shortest(d)));
        }
    }
}
