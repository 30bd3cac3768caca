package dev.pitstop.render;

import dev.pitstop.sim.DebugDraw;
import dev.pitstop.world.WorldState;

/**
 * Everything one rendered frame shows, filled in by the frame loop before each
 * {@link Renderer#render} and reused from frame to frame, so that rendering allocates nothing.
 * Game thread only.
 */
public final class Frame {

    public WorldState world;
    public DebugDraw debug;
    /** How far real time has moved past the last tick, in [0, 1]: 1 draws the latest tick as it is. */
    public float alpha;
    public int generation;
    public boolean paused;
    public static final int LOOP_OFF = 0;
    public static final int LOOP_MARKED = 1;
    public static final int LOOP_PLAYING = 2;
    /** Looped editing: {@link #LOOP_OFF}, {@link #LOOP_MARKED} or {@link #LOOP_PLAYING}. */
    public int loopState;
    public int loopIteration;
    public long loopPosition;
    public long loopLength;
    public boolean showHud = true;
    public boolean showDebug = true;
    public int framebufferWidth = 1;
    public int framebufferHeight = 1;
    public HudModel hud = new HudModel();
    /** The tunables panel (F3): what its controller shows, and where the layout drew it. */
    public final TunablesView tunables = new TunablesView();
    public FrameTimes frameTimes = new FrameTimes();

    private Letterbox box;
    private final int[] boxFor = new int[2];
    private final float[] boxArena = new float[2];

    /** The arena's place in the framebuffer; recomputed only when a size changes. */
    public Letterbox letterbox() {
        if (box == null || boxFor[0] != framebufferWidth || boxFor[1] != framebufferHeight
                || boxArena[0] != world.width || boxArena[1] != world.height) {
            box = Letterbox.fit(framebufferWidth, framebufferHeight, world.width, world.height);
            boxFor[0] = framebufferWidth;
            boxFor[1] = framebufferHeight;
            boxArena[0] = world.width;
            boxArena[1] = world.height;
        }
        return box;
    }

    /** Whether the player is down (the game is over until a restart). */
    public boolean gameOver() {
        return world.player.health <= 0f;
    }

    /** Whether every wave has come and no enemy is left. */
    public boolean arenaClear() {
        return world.waves.waves().size() > 0 && world.waves.finished() && world.entities.count == 0;
    }
}
