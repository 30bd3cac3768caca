import lanterns.api.Lantern;

/** On for five ticks, off for five. */
public class Blink implements Lantern {

    @Override
    public char glyph(long tick) {
        return tick % 10 < 5 ? '*' : '.';
    }
}
