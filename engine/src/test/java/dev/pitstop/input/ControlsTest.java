package dev.pitstop.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.sim.PlayerInput;
import org.junit.jupiter.api.Test;

class ControlsTest {

    @Test
    void keysMoveAndTheCursorAimsInWorldUnits() {
        Controls c = new Controls();
        PlayerInput none = c.nextInput(1280, 720);
        assertEquals(0f, none.moveX());
        assertFalse(none.aims(), "no cursor seen yet: keep the last aim");

        c.set(Controls.Held.UP, true);
        c.set(Controls.Held.RIGHT, true);
        c.cursor(1000, 100, 640, 720); // a tall window: the arena is 640x360 pixels from y=180
        PlayerInput in = c.nextInput(1280, 720);
        assertEquals(1f, in.moveX());
        assertEquals(-1f, in.moveY(), "up is towards y = 0");
        assertEquals(2000f, in.aimX(), 1e-3);
        assertEquals(-160f, in.aimY(), 1e-3);
    }

    @Test
    void aClickBetweenTwoTicksStillFiresOnce() {
        Controls c = new Controls();
        c.set(Controls.Held.FIRE_BUTTON, true);
        c.set(Controls.Held.FIRE_BUTTON, false);
        assertTrue(c.nextInput(1280, 720).fire());
        assertFalse(c.nextInput(1280, 720).fire());
        c.set(Controls.Held.FIRE_KEY, true);
        assertTrue(c.nextInput(1280, 720).fire());
        assertTrue(c.nextInput(1280, 720).fire(), "held: keeps firing");
        c.releaseAll();
        assertFalse(c.nextInput(1280, 720).fire());
    }

    @Test
    void hotkeysComeOutInOrderAndTheOldestGoFirstWhenFull() {
        HotkeyQueue q = new HotkeyQueue();
        q.push(Hotkey.PAUSE);
        q.push(Hotkey.STEP);
        assertEquals(Hotkey.PAUSE, q.poll());
        assertEquals(Hotkey.STEP, q.poll());
        assertNull(q.poll());
        for (int i = 0; i < HotkeyQueue.CAPACITY; i++) {
            q.push(Hotkey.STEP);
        }
        q.push(Hotkey.QUIT);
        int steps = 0;
        Hotkey k;
        Hotkey last = null;
        while ((k = q.poll()) != null) {
            steps += k == Hotkey.STEP ? 1 : 0;
            last = k;
        }
        assertEquals(HotkeyQueue.CAPACITY - 1, steps);
        assertEquals(Hotkey.QUIT, last);
    }
}
