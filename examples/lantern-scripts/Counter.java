import lanterns.api.Lantern;

/** Counts its own calls, 0 to 9 over and over: state that a reload starts afresh. */
public class Counter implements Lantern {

    private int calls;

    @Override
    public char glyph(long tick) {
        calls = (calls + 1) % 10;
        return (char) ('0' + calls);
    }
}
