package dev.pitstop.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One span replaced, every other byte kept; lines counted as javac counts them. */
class SourceBytesTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void replacesOneSpanAndKeepsTheRest() {
        assertArrayEquals(bytes("a = 120f;\r\n"), SourceBytes.splice(bytes("a = 90f;\r\n"), 4, 7, bytes("120f")));
        assertArrayEquals(bytes("x1y"), SourceBytes.splice(bytes("xy"), 1, 1, bytes("1")));
        assertArrayEquals(bytes("caf\u00e9 "), SourceBytes.splice(bytes("caf\u00e9 -4"), 6, 8, bytes("")));
    }

    @Test
    void countsLineEndsAsJavacDoes() {
        byte[] text = bytes("a\nb\r\nc\rd");
        assertEquals(1, SourceBytes.lineAt(text, 0));
        assertEquals(2, SourceBytes.lineAt(text, 2));
        assertEquals(2, SourceBytes.lineAt(text, 4), "the \\r of \\r\\n ends no line of its own");
        assertEquals(3, SourceBytes.lineAt(text, 5));
        assertEquals(4, SourceBytes.lineAt(text, 7), "a lone \\r ends a line");
        assertEquals(4, SourceBytes.lineAt(text, 100));
    }
}
