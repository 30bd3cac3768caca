package dev.pitstop.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The parser's view of a source: every kind of tunable, with its line and its exact bytes. */
class TunableFinderTest {

    static final String SOURCE = String.join("\r\n",
            "package t;",
            "",
            "import dev.pitstop.api.Range;",
            "",
            "/** Ünïcödé in a comment: 90f, and a 🚀 before the constants. */",
            "public class Kinds {",
            "\tstatic final float SPEED = 90f; // 90f again in a comment",
            "\tstatic final float OTHER = 90f;",
            "\tstatic final int COUNT = 3, NEGATIVE = -40, SPACED = - 40;",
            "\tstatic final long BIG = 3L;",
            "\tstatic final double RATE = 0.25;",
            "\tstatic final double SMALL = -1e-3;",
            "\tstatic final boolean ON = true;",
            "\tstatic final int COLOUR = 0xFF5050;",
            "\t@Range(min = -10, max = 400) static final float RANGED = 12.5f;",
            "\tstatic final float COMPUTED = SPEED * 2;",
            "\tstatic final String TEXT = \"90\";",
            "\tstatic final Integer BOXED = 4;",
            "\tstatic float NOT_FINAL = 1f;",
            "\tfinal float INSTANCE = 1f;",
            "\tstatic final float PARENS = (1f);",
            "\tstatic final int LATER;",
            "\tstatic { LATER = 2; }",
            "",
            "\tstatic class Inner {",
            "\t\tstatic final int DEPTH = 7;",
            "\t\tinterface Deeper { double IMPLICIT = 2.5; }",
            "\t}",
            "\trecord Pair(int a) { static final long R = 9L; }",
            "\tenum Mode { A; static final boolean E = false; }",
            "}",
            "");

    static ScannedFile scan(String source) {
        return new TunableFinder().scan("t/Kinds.java", source.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Tunable> byName(ScannedFile f) {
        return f.tunables().stream().collect(Collectors.toMap(Tunable::name, t -> t));
    }

    /** The bytes of {@code source} (UTF-8) in {@code [start, end)}. */
    static String bytes(String source, int start, int end) {
        byte[] b = source.getBytes(StandardCharsets.UTF_8);
        return new String(b, start, end - start, StandardCharsets.UTF_8);
    }

    @Test
    void findsEveryKindWithItsLineAndExactBytes() {
        ScannedFile f = scan(SOURCE);
        Map<String, Tunable> t = byName(f);
        assertEquals(List.of("Kinds.SPEED", "Kinds.OTHER", "Kinds.COUNT", "Kinds.NEGATIVE", "Kinds.SPACED", "Kinds.BIG",
                "Kinds.RATE", "Kinds.SMALL", "Kinds.ON", "Kinds.COLOUR", "Kinds.RANGED", "Kinds.Inner.DEPTH",
                "Kinds.Inner.Deeper.IMPLICIT", "Kinds.Pair.R", "Kinds.Mode.E"),
                f.tunables().stream().map(Tunable::name).toList());

        Object[][] expected = {
            // name, type, line, value as written, literal alone, number
            {"Kinds.SPEED", TunableType.FLOAT, 7L, "90f", "90f", "90"},
            {"Kinds.OTHER", TunableType.FLOAT, 8L, "90f", "90f", "90"},
            {"Kinds.COUNT", TunableType.INT, 9L, "3", "3", "3"},
            {"Kinds.NEGATIVE", TunableType.INT, 9L, "-40", "40", "-40"},
            {"Kinds.SPACED", TunableType.INT, 9L, "- 40", "40", "-40"},
            {"Kinds.BIG", TunableType.LONG, 10L, "3L", "3L", "3"},
            {"Kinds.RATE", TunableType.DOUBLE, 11L, "0.25", "0.25", "0.25"},
            {"Kinds.SMALL", TunableType.DOUBLE, 12L, "-1e-3", "1e-3", "-0.001"},
            {"Kinds.ON", TunableType.BOOLEAN, 13L, "true", "true", null},
            {"Kinds.COLOUR", TunableType.INT, 14L, "0xFF5050", "0xFF5050", "16732240"},
            {"Kinds.RANGED", TunableType.FLOAT, 15L, "12.5f", "12.5f", "12.5"},
            {"Kinds.Inner.DEPTH", TunableType.INT, 26L, "7", "7", "7"},
            {"Kinds.Inner.Deeper.IMPLICIT", TunableType.DOUBLE, 27L, "2.5", "2.5", "2.5"},
            {"Kinds.Pair.R", TunableType.LONG, 29L, "9L", "9L", "9"},
            {"Kinds.Mode.E", TunableType.BOOLEAN, 30L, "false", "false", null},
        };
        for (Object[] e : expected) {
            Tunable k = t.get((String) e[0]);
            assertNotNull(k, (String) e[0]);
            assertEquals(e[1], k.type(), k.name());
            assertEquals(e[2], k.line(), k.name());
            assertEquals(e[3], k.text(), k.name());
            assertEquals(e[3], bytes(SOURCE, k.valueStart(), k.valueEnd()), "value bytes of " + k.name());
            assertEquals(e[4], bytes(SOURCE, k.literalStart(), k.literalEnd()), "literal bytes of " + k.name());
            assertEquals(e[5] == null ? null : new BigDecimal((String) e[5]), k.number(), k.name());
            assertEquals("t/Kinds.java", k.file());
            assertEquals("t." + k.name(), k.qualifiedName());
        }
        assertEquals(new RangeHint(-10, 400), t.get("Kinds.RANGED").range());
        assertNull(t.get("Kinds.SPEED").range());
        assertTrue(t.get("Kinds.SPEED").valueStart() > SOURCE.indexOf("\tstatic final float SPEED"),
                "the span is in bytes: the multi-byte characters before it push it past its char offset");
    }

    @Test
    void saysWhyOtherConstantsCannotBeTuned() {
        Map<String, String> why = scan(SOURCE).untunable();
        assertTrue(why.get("t.Kinds.COMPUTED").contains("computed (SPEED * 2)"), why.toString());
        assertTrue(why.get("t.Kinds.TEXT").contains("String"), why.toString());
        assertTrue(why.get("t.Kinds.BOXED").contains("Integer"), why.toString());
        assertTrue(why.get("t.Kinds.NOT_FINAL").contains("not a static final"), why.toString());
        assertTrue(why.get("t.Kinds.INSTANCE").contains("not a static final"), why.toString());
        assertTrue(why.get("t.Kinds.PARENS").contains("computed"), why.toString());
        assertTrue(why.get("t.Kinds.LATER").contains("no initializer"), why.toString());
    }

    @Test
    void aFileTheParserCannotTakeOffersNothing() {
        String deep = "package t; class Deep { static final int X = " + "(".repeat(200_000) + "1"
                + ")".repeat(200_000) + "; static final int Y = 2; }";
        assertEquals(List.of(), scan(deep).tunables());
        byte[] latin1 = "package t; /* caf\u00e9 */ class L { static final int X = 1; }".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of(), new TunableFinder().scan("t/L.java", latin1).tunables(), "not UTF-8: offsets would lie");
        assertEquals(List.of(), scan("this is not java {{{").tunables());
    }

    @Test
    void defaultPackageAndAmbiguousLooks() {
        ScannedFile f = new TunableFinder().scan("Top.java",
                "class Top { static final int A = 1; }".getBytes(StandardCharsets.UTF_8));
        assertEquals("Top.A", f.tunables().get(0).name());
        assertEquals("Top.A", f.tunables().get(0).qualifiedName());
    }
}
