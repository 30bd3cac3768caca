package dev.pitstop.reload;

import java.nio.file.Path;

/**
 * How scripts are found and watched. Immutable; made by the command line on the main thread.
 *
 * @param folder             the script folder: sources ({@code --scripts}) or class files ({@code --script-classes})
 * @param kind               which of the two
 * @param watch              how changes are noticed
 * @param quietMillis        how long the folder must be quiet before a change may go live ({@code --quiet-ms}; its build starts at once)
 * @param reloadEveryMillis  timer reload period, 0 for none ({@code --reload-every})
 * @param safety             sandbox, budget and shadow run
 */
public record ReloadSettings(Path folder, ScriptFolder.Kind kind, Watch watch, long quietMillis,
        long reloadEveryMillis, Safety safety) {

    /** {@code --watch}. */
    public enum Watch { NATIVE, POLL, OFF }

    public ReloadSettings {
        if (quietMillis < 0) {
            throw new IllegalArgumentException("quietMillis must not be negative, was " + quietMillis);
        }
        if (reloadEveryMillis < 0) {
            throw new IllegalArgumentException("reloadEveryMillis must not be negative, was " + reloadEveryMillis);
        }
    }
}
