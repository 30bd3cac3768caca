package dev.pitstop.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LetterboxTest {

    @Test
    void sameAspectFillsTheSurface() {
        assertEquals(new Letterbox(0, 0, 1280, 720, 1f), Letterbox.fit(1280, 720, 1280, 720));
    }

    @Test
    void widerSurfaceGetsBarsLeftAndRight() {
        Letterbox b = Letterbox.fit(2000, 720, 1280, 720);
        assertEquals(new Letterbox(360, 0, 1280, 720, 1f), b);
    }

    @Test
    void tallerSurfaceGetsBarsAboveAndBelow() {
        Letterbox b = Letterbox.fit(640, 720, 1280, 720);
        assertEquals(0, b.x());
        assertEquals(640, b.width());
        assertEquals(360, b.height());
        assertEquals(180, b.y());
        assertEquals(0.5f, b.pixelsPerUnit());
    }

    @Test
    void pixelsAndWorldUnitsRoundTrip() {
        Letterbox b = Letterbox.fit(1000, 1000, 1280, 720);
        assertEquals(100f, b.worldX(b.pixelX(100f)), 1e-3);
        assertEquals(700f, b.worldY(b.pixelY(700f)), 1e-3);
        assertEquals(0f, b.worldY(b.y()), 1e-3);
    }
}
