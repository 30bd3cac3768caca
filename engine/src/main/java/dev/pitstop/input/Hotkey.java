package dev.pitstop.input;

/**
 * What a hotkey asks for, independent of the keyboard library. The window maps keys to these; the
 * frame loop acts on them between frames. Immutable; any thread.
 */
public enum Hotkey {
    /** F1. */
    TOGGLE_HUD,
    /** F2. */
    TOGGLE_DEBUG,
    /** F3: the panel of the live scripts' tunables. */
    TOGGLE_TUNABLES,
    /** F5. */
    RELOAD,
    /** F6: mark a loop's start, then its end (looping starts), then leave the loop. */
    LOOP,
    /** F7. */
    ROLLBACK,
    /** F8: switch the live code to the next kept generation (A/B), without recompiling. */
    SWITCH_GENERATION,
    /** P. */
    PAUSE,
    /** The period key, while paused. */
    STEP,
    /** R: a fresh world with the same seed and waves; scripts stay live. */
    RESTART,
    /** Esc. */
    QUIT;

    private static final Hotkey[] ALL = values();

    static Hotkey of(int ordinal) {
        return ALL[ordinal];
    }
}
