package dev.pitstop.reload;

import java.io.IOException;

/**
 * Tells the reload coordinator that something under the script folder may have changed. It does
 * not say what: the coordinator reads the whole folder and compares content hashes, so a lost or
 * doubled event can only cost a needless read, never a missed edit. {@link #start()} returns once
 * the watch is armed. Runs a thread of its own; never touches the world or script code.
 */
interface ChangeWatcher extends AutoCloseable {

    void start() throws IOException;

    @Override
    void close();

    /** No watching ({@code --watch off}). */
    ChangeWatcher OFF = new ChangeWatcher() {
        @Override
        public void start() {
        }

        @Override
        public void close() {
        }
    };
}
