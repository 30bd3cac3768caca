package dev.pitstop.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pitstop.sim.DebugDraw;
import dev.pitstop.sim.DebugDrawAccess;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class DebugLinePackerTest {

    static final int V = DebugLinePacker.FLOATS_PER_VERTEX;

    @Test
    void linesAreTwoVerticesAndCirclesAreSegments() {
        DebugDraw d = new DebugDraw(true);
        DebugDrawAccess.line(d, 1, 2, 3, 4, 0xFF0000);
        DebugDrawAccess.circle(d, 100, 100, 10, 0x00FF00);
        FloatBuffer out = FloatBuffer.allocate(1000 * V);
        int n = DebugLinePacker.pack(d, out);
        assertEquals(2 + 2 * DebugLinePacker.CIRCLE_SEGMENTS, n);
        assertEquals(n * V, out.position());
        assertEquals(1f, out.get(0));
        assertEquals(2f, out.get(1));
        assertEquals(1f, out.get(2), "red");
        assertEquals(0f, out.get(3));
        assertEquals(3f, out.get(V));
        assertEquals(4f, out.get(V + 1));
        assertEquals(110f, out.get(2 * V), 1e-4, "the circle starts at angle 0");
        assertEquals(100f, out.get(2 * V + 1), 1e-4);
        assertEquals(1f, out.get(2 * V + 3), "green");
        float lastX = out.get((n - 1) * V);
        assertEquals(110f, lastX, 1e-3, "and closes where it started");
    }

    @Test
    void whatDoesNotFitIsDropped() {
        DebugDraw d = new DebugDraw(true);
        DebugDrawAccess.circle(d, 0, 0, 1, 0);
        DebugDrawAccess.line(d, 0, 0, 1, 1, 0);
        FloatBuffer out = FloatBuffer.allocate(3 * V);
        assertEquals(0, DebugLinePacker.pack(d, out), "a circle that does not fit stops packing");
    }
}
