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
 * @param compileDaemons     where compile daemons live ({@code --compile-daemon on}), null for none:
 *                           the engine then compiles in a child of its own, which ends with it
 */
public record ReloadSettings(Path folder, ScriptFolder.Kind kind, Watch watch, long quietMillis,
        long reloadEveryMillis, Safety safety, Path compileDaemons) {

    /** Settings with no compile daemon. */
    public ReloadSettings(Path folder, ScriptFolder.Kind kind, Watch watch, long quietMillis, long reloadEveryMillis,
            Safety safety) {
        this(folder, kind, watch, quietMillis, reloadEveryMillis, safety, null);
    }

    /** Where compile daemons live unless told otherwise (see {@code docs/command-line.md}). */
    public static Path defaultDaemonFolder() {
        return CompileDaemons.defaultFolder();
    }

    /** These settings with compile daemons in {@code folder} (null: none). */
    public ReloadSettings withCompileDaemons(Path folder) {
        return new ReloadSettings(this.folder, kind, watch, quietMillis, reloadEveryMillis, safety, folder);
    }

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
