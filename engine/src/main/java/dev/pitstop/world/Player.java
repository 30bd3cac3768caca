package dev.pitstop.world;

/**
 * The player's ship. Headless it stands at the arena's centre and cannot die; in the window it is
 * moved by input. Game thread only.
 */
public final class Player {

    public static final float RADIUS = 12f;
    public static final float MAX_HEALTH = 10f;

    public float x, y, prevX, prevY, vx, vy;
    public float aimX = 1f, aimY;
    public float health = MAX_HEALTH;
    public float cooldown;
    /** Seconds left of the grace period after a hit. */
    public float invulnerableSeconds;
    /** Headless: the player takes no damage. */
    public boolean immortal;
    public int score;

    public Player copy() {
        Player p = new Player();
        p.x = x;
        p.y = y;
        p.prevX = prevX;
        p.prevY = prevY;
        p.vx = vx;
        p.vy = vy;
        p.aimX = aimX;
        p.aimY = aimY;
        p.health = health;
        p.cooldown = cooldown;
        p.invulnerableSeconds = invulnerableSeconds;
        p.immortal = immortal;
        p.score = score;
        return p;
    }
}
