package lanterns.api;

/**
 * What a lantern script is: one class per lantern in the scripts folder, implementing this, with a
 * public constructor without parameters. Called by the host's loop thread, once a tick per lantern.
 */
public interface Lantern {

    /** The character this lantern shows at {@code tick}. */
    char glyph(long tick);
}
