package dev.pitstop.render;

/**
 * The game's colours (0xRRGGBB) and shapes. Each demo behaviour has its own colour and shape so
 * that a wave reads at a glance; a behaviour the palette does not know gets a colour from a spare
 * set chosen by its name, so it keeps that colour across runs and reloads. Stateless; any thread.
 */
public final class Palette {

    public static final int CLEAR = 0x000000;
    public static final int ARENA = 0x141A26;
    public static final int PLAYER = 0xF2F7FF;
    public static final int PLAYER_DOWN = 0x5A6070;
    public static final int PLAYER_SHOT = 0x9CF0FF;
    public static final int ENEMY_SHOT = 0xFF9640;

    public static final int CHASER = 0xFF4D5E;
    public static final int ORBITER = 0x4DA3FF;
    public static final int SNIPER = 0xFFD23F;
    public static final int SWARM = 0x5BE37D;

    /** Shape codes the shapes shader understands (one per instance). */
    public static final int SHAPE_CIRCLE = 0;
    public static final int SHAPE_TRIANGLE = 1;
    public static final int SHAPE_RING = 2;
    public static final int SHAPE_DIAMOND = 3;
    public static final int SHAPE_SHIP = 4;
    public static final int SHAPE_SHOT = 5;

    private static final int[] SPARE = {0xD66BFF, 0xFF8FC8, 0x3FE0D8, 0xB8F25C, 0xFFA35C, 0xA0A8FF};

    private Palette() {
    }

    /** The colour of enemies driven by the behaviour {@code name}. */
    public static int colourOf(String name) {
        return switch (name) {
            case "Chaser" -> CHASER;
            case "Orbiter" -> ORBITER;
            case "Sniper" -> SNIPER;
            case "Swarm" -> SWARM;
            default -> SPARE[Math.floorMod(name.hashCode(), SPARE.length)];
        };
    }

    /** The shape of enemies driven by the behaviour {@code name}. */
    public static int shapeOf(String name) {
        return switch (name) {
            case "Chaser" -> SHAPE_TRIANGLE;
            case "Orbiter" -> SHAPE_RING;
            case "Sniper" -> SHAPE_DIAMOND;
            default -> SHAPE_CIRCLE;
        };
    }
}
