package dev.pitstop.reload;

import dev.pitstop.sim.ScriptTable;
import java.util.Map;

/**
 * One generation of script code, loaded and checked, ready to go live or live: its number, the
 * table the simulation runs, the hash of every file it was built from (relative path → SHA-256),
 * and a fingerprint per behaviour (its classes and every script class it uses) to tell which
 * behaviours an edit changed. Immutable; built on the reload coordinator's script thread, installed
 * on the game thread.
 */
public record Generation(int number, ScriptTable table, Map<String, String> fileHashes,
        Map<String, String> fingerprints) {
}
