package dev.pitstop.render;

/**
 * Where {@link HudLayout} puts the HUD: filled rectangles and lines of text, in framebuffer pixels
 * with the origin at the top left. The text is used during the call only, never kept, so a layout
 * can hand over one reused builder. Game thread only.
 */
public interface HudCanvas {

    /** A filled rectangle; {@code rgb} is 0xRRGGBB, {@code alpha} in [0, 1]. */
    void rect(float x, float y, float width, float height, int rgb, float alpha);

    /** One line of ASCII text with its top left at (x, y), {@code scale} times the font's size. */
    void text(float x, float y, CharSequence text, int rgb, float scale);

    /** The width of {@code text} in pixels at {@code scale}. */
    float textWidth(CharSequence text, float scale);
}
