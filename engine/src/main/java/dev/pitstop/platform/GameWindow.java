package dev.pitstop.platform;

import static org.lwjgl.glfw.GLFW.*;

import dev.pitstop.input.Controls;
import dev.pitstop.input.Hotkey;
import dev.pitstop.input.HotkeyQueue;
import dev.pitstop.input.PanelInput;
import java.util.Locale;
import org.lwjgl.glfw.Callbacks;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;

/**
 * The GLFW window with its OpenGL 3.3 core context. Its callbacks only record input into
 * {@link Controls}, {@link HotkeyQueue} and {@link PanelInput} (the tunables panel's: arrow keys,
 * Enter, Ctrl+Z/Ctrl+Y and clicks on the panel while it is open, every key but F1-F12 while a value
 * is typed into it); nothing else runs in them, script code least of all.
 * Opened, polled and closed on the game thread, which then owns the context (GLFW calls its
 * callbacks on that thread, during {@link #pollEvents()}).
 */
public final class GameWindow implements AutoCloseable {

    private final long handle;
    private final GLFWErrorCallback errorCallback;
    private final int[] widthOut = new int[1];
    private final int[] heightOut = new int[1];
    private final Controls controls;
    private final PanelInput panel;
    private int windowWidth;
    private int windowHeight;
    private int pixelsWide = 1;
    private int pixelsHigh = 1;
    private double cursorX;
    private double cursorY;

    private GameWindow(long handle, GLFWErrorCallback errorCallback, Controls controls, PanelInput panel) {
        this.handle = handle;
        this.errorCallback = errorCallback;
        this.controls = controls;
        this.panel = panel;
    }

    /**
     * Whether a display can be expected at all: on Linux and the BSDs one of {@code DISPLAY} and
     * {@code WAYLAND_DISPLAY} must be set; elsewhere there always is one. Any thread.
     */
    public static boolean displayExpected() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return !blank(System.getenv("DISPLAY")) || !blank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Opens a resizable window of {@code width x height} screen units with a current OpenGL 3.3 core
     * context, and routes its input to {@code controls}, {@code hotkeys} and {@code panel}.
     *
     * @throws WindowException with GLFW's own error text when that fails
     */
    public static GameWindow open(String title, int width, int height, boolean vsync, Controls controls,
            HotkeyQueue hotkeys, PanelInput panel) throws WindowException {
        String[] lastError = {null};
        int[] lastCode = {0};
        GLFWErrorCallback errors = GLFWErrorCallback.create((code, description) -> {
            lastCode[0] = code;
            lastError[0] = GLFWErrorCallback.getDescription(description);
        });
        glfwSetErrorCallback(errors);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && !blank(System.getenv("DISPLAY"))) {
            // GLFW 3.4 would pick Wayland where both exist and warn about XDG_RUNTIME_DIR where it is unset.
            glfwInitHint(GLFW_PLATFORM, GLFW_PLATFORM_X11);
        }
        if (!glfwInit()) {
            glfwSetErrorCallback(null);
            errors.free();
            boolean noDisplay = lastCode[0] == GLFW_PLATFORM_UNAVAILABLE || lastCode[0] == GLFW_PLATFORM_ERROR
                    && lastError[0] != null && lastError[0].toLowerCase(Locale.ROOT).contains("display");
            throw new WindowException("GLFW cannot start: " + describe(lastError[0], lastCode[0]), noDisplay);
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE); // macOS gives 3.3 core only so
        glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        long handle = glfwCreateWindow(width, height, title, 0L, 0L);
        if (handle == 0L) {
            String why = describe(lastError[0], lastCode[0]);
            glfwTerminate();
            glfwSetErrorCallback(null);
            errors.free();
            throw new WindowException("cannot open an OpenGL 3.3 core window: " + why, false);
        }
        glfwMakeContextCurrent(handle);
        try {
            GL.createCapabilities();
        } catch (RuntimeException e) {
            Callbacks.glfwFreeCallbacks(handle);
            glfwDestroyWindow(handle);
            glfwTerminate();
            glfwSetErrorCallback(null);
            errors.free();
            throw new WindowException("no usable OpenGL 3.3 context: " + e.getMessage(), false);
        }
        glfwSwapInterval(vsync ? 1 : 0);
        GameWindow w = new GameWindow(handle, errors, controls, panel);
        w.listen(hotkeys);
        glfwShowWindow(handle);
        w.refreshSize();
        return w;
    }

    private static String describe(String text, int code) {
        if (text != null) {
            return text;
        }
        return code == 0 ? "no reason given" : "error 0x" + Integer.toHexString(code);
    }

    private void listen(HotkeyQueue hotkeys) {
        glfwSetKeyCallback(handle, (window, key, scancode, action, mods) -> {
            if (action != GLFW_RELEASE && panel.open() && toPanel(key, mods)) {
                return;
            }
            if (action == GLFW_REPEAT) {
                if (key == GLFW_KEY_PERIOD || key == GLFW_KEY_KP_DECIMAL) {
                    hotkeys.push(Hotkey.STEP); // holding '.' keeps stepping
                }
                return;
            }
            boolean down = action == GLFW_PRESS;
            Controls.Held held = heldFor(key);
            if (held != null) {
                controls.set(held, down);
            }
            if (down) {
                Hotkey h = hotkeyFor(key);
                if (h != null) {
                    hotkeys.push(h);
                }
            }
        });
        glfwSetCharCallback(handle, (window, codepoint) -> {
            if (panel.typing()) {
                panel.character(codepoint);
            }
        });
        glfwSetMouseButtonCallback(handle, (window, button, action, mods) -> {
            if (button == GLFW_MOUSE_BUTTON_LEFT) {
                float px = pixelX(cursorX);
                float py = pixelY(cursorY);
                if (action == GLFW_PRESS && panel.over(px, py)) {
                    panel.press(px, py, panelMods(mods));
                    return;
                }
                if (action == GLFW_RELEASE && panel.dragging()) {
                    panel.release(px, py, panelMods(mods));
                    return;
                }
                controls.set(Controls.Held.FIRE_BUTTON, action == GLFW_PRESS);
            }
        });
        glfwSetCursorPosCallback(handle, (window, x, y) -> {
            cursorX = x;
            cursorY = y;
            controls.cursor(x, y, windowWidth, windowHeight);
            if (panel.dragging()) {
                panel.drag(pixelX(x), pixelY(y), heldMods());
            }
        });
        glfwSetWindowFocusCallback(handle, (window, focused) -> {
            if (!focused) {
                controls.releaseAll();
            }
        });
    }

    /**
     * Routes a key press (or repeat) to the open tunables panel: its keys, and while a value is
     * typed every key but the function keys (the characters come through the char callback).
     *
     * @return whether the panel took it (then the game does not see it)
     */
    private boolean toPanel(int key, int mods) {
        int m = panelMods(mods);
        PanelInput.Key k = switch (key) {
            case GLFW_KEY_UP -> PanelInput.Key.UP;
            case GLFW_KEY_DOWN -> PanelInput.Key.DOWN;
            case GLFW_KEY_LEFT -> PanelInput.Key.LEFT;
            case GLFW_KEY_RIGHT -> PanelInput.Key.RIGHT;
            case GLFW_KEY_ENTER, GLFW_KEY_KP_ENTER -> PanelInput.Key.ENTER;
            case GLFW_KEY_BACKSPACE -> panel.typing() ? PanelInput.Key.BACKSPACE : null;
            case GLFW_KEY_ESCAPE -> panel.typing() ? PanelInput.Key.ESCAPE : null;
            case GLFW_KEY_Z -> (m & PanelInput.CTRL) == 0 ? null
                    : (m & PanelInput.SHIFT) != 0 ? PanelInput.Key.REDO : PanelInput.Key.UNDO;
            case GLFW_KEY_Y -> (m & PanelInput.CTRL) != 0 ? PanelInput.Key.REDO : null;
            default -> null;
        };
        if (k != null && (!panel.typing() || k == PanelInput.Key.ENTER || k == PanelInput.Key.ESCAPE
                || k == PanelInput.Key.BACKSPACE)) {
            panel.key(k, m);
            return true;
        }
        return panel.typing() && !(key >= GLFW_KEY_F1 && key <= GLFW_KEY_F12);
    }

    /** GLFW's modifier bits as the panel's: shift, and ctrl (or the command key, as editors take it on macOS). */
    private static int panelMods(int mods) {
        return ((mods & GLFW_MOD_SHIFT) != 0 ? PanelInput.SHIFT : 0)
                | ((mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) != 0 ? PanelInput.CTRL : 0);
    }

    /** The modifiers held now, for a drag (cursor moves carry none). */
    private int heldMods() {
        boolean shift = glfwGetKey(handle, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS || glfwGetKey(handle, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS;
        boolean ctrl = glfwGetKey(handle, GLFW_KEY_LEFT_CONTROL) == GLFW_PRESS
                || glfwGetKey(handle, GLFW_KEY_RIGHT_CONTROL) == GLFW_PRESS
                || glfwGetKey(handle, GLFW_KEY_LEFT_SUPER) == GLFW_PRESS || glfwGetKey(handle, GLFW_KEY_RIGHT_SUPER) == GLFW_PRESS;
        return (shift ? PanelInput.SHIFT : 0) | (ctrl ? PanelInput.CTRL : 0);
    }

    /** A cursor x in window units, in framebuffer pixels (they differ on high-density screens). */
    private float pixelX(double x) {
        return (float) (x * pixelsWide / Math.max(1, windowWidth));
    }

    private float pixelY(double y) {
        return (float) (y * pixelsHigh / Math.max(1, windowHeight));
    }

    private static Controls.Held heldFor(int key) {
        return switch (key) {
            case GLFW_KEY_W, GLFW_KEY_UP -> Controls.Held.UP;
            case GLFW_KEY_S, GLFW_KEY_DOWN -> Controls.Held.DOWN;
            case GLFW_KEY_A, GLFW_KEY_LEFT -> Controls.Held.LEFT;
            case GLFW_KEY_D, GLFW_KEY_RIGHT -> Controls.Held.RIGHT;
            case GLFW_KEY_SPACE -> Controls.Held.FIRE_KEY;
            default -> null;
        };
    }

    private static Hotkey hotkeyFor(int key) {
        return switch (key) {
            case GLFW_KEY_F1 -> Hotkey.TOGGLE_HUD;
            case GLFW_KEY_F2 -> Hotkey.TOGGLE_DEBUG;
            case GLFW_KEY_F3 -> Hotkey.TOGGLE_TUNABLES;
            case GLFW_KEY_F5 -> Hotkey.RELOAD;
            case GLFW_KEY_F6 -> Hotkey.LOOP;
            case GLFW_KEY_F7 -> Hotkey.ROLLBACK;
            case GLFW_KEY_F8 -> Hotkey.SWITCH_GENERATION;
            case GLFW_KEY_P -> Hotkey.PAUSE;
            case GLFW_KEY_PERIOD, GLFW_KEY_KP_DECIMAL -> Hotkey.STEP;
            case GLFW_KEY_R -> Hotkey.RESTART;
            case GLFW_KEY_ESCAPE -> Hotkey.QUIT;
            default -> null;
        };
    }

    /** Runs the window's callbacks for what happened since the last call. */
    public void pollEvents() {
        glfwPollEvents();
        refreshSize();
    }

    private void refreshSize() {
        glfwGetWindowSize(handle, widthOut, heightOut);
        windowWidth = widthOut[0];
        windowHeight = heightOut[0];
        glfwGetFramebufferSize(handle, widthOut, heightOut);
        pixelsWide = widthOut[0];
        pixelsHigh = heightOut[0];
    }

    public boolean closeRequested() {
        return glfwWindowShouldClose(handle);
    }

    /** The drawable size in pixels (larger than the window's size on high-density screens). */
    public int framebufferWidth() {
        glfwGetFramebufferSize(handle, widthOut, heightOut);
        return widthOut[0];
    }

    public int framebufferHeight() {
        glfwGetFramebufferSize(handle, widthOut, heightOut);
        return heightOut[0];
    }

    /** Shows the frame just rendered (waits for the display's refresh when vsync is on). */
    public void swapBuffers() {
        glfwSwapBuffers(handle);
    }

    @Override
    public void close() {
        GL.setCapabilities(null);
        Callbacks.glfwFreeCallbacks(handle);
        glfwDestroyWindow(handle);
        glfwTerminate();
        glfwSetErrorCallback(null);
        errorCallback.free();
    }
}
