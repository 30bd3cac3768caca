package dev.pitstop.sim;

import dev.pitstop.world.Entities;
import dev.pitstop.world.Grid;
import dev.pitstop.world.Player;
import dev.pitstop.world.Projectiles;
import dev.pitstop.world.WorldState;

/**
 * The game's own rules for one tick, apart from the scripts: the player's steering and shots,
 * cooldowns, movement within the arena's bounds, projectiles and what they hit, contact damage.
 * Stateless; game thread (or a shadow run's thread), through {@link Simulation}.
 */
final class GameRules {

    private GameRules() {
    }

    static void rememberPositions(WorldState w) {
        Entities e = w.entities;
        System.arraycopy(e.x, 0, e.prevX, 0, e.count);
        System.arraycopy(e.y, 0, e.prevY, 0, e.count);
        Projectiles p = w.projectiles;
        System.arraycopy(p.x, 0, p.prevX, 0, p.count);
        System.arraycopy(p.y, 0, p.prevY, 0, p.count);
        w.player.prevX = w.player.x;
        w.player.prevY = w.player.y;
    }

    static void coolDown(WorldState w, float dt) {
        Entities e = w.entities;
        float[] cd = e.cooldown;
        for (int i = 0; i < e.count; i++) {
            if (cd[i] > 0f) {
                cd[i] = Math.max(0f, cd[i] - dt);
            }
        }
        Player p = w.player;
        p.cooldown = Math.max(0f, p.cooldown - dt);
        p.invulnerableSeconds = Math.max(0f, p.invulnerableSeconds - dt);
    }

    static void steerPlayer(WorldState w, PlayerInput in, float dt) {
        Player p = w.player;
        if (p.health <= 0f) {
            p.vx = p.vy = 0f;
            return;
        }
        float mx = clampUnit(in.moveX());
        float my = clampUnit(in.moveY());
        float len = (float) Math.sqrt(mx * mx + my * my);
        if (len > 1f) {
            mx /= len;
            my /= len;
        }
        p.vx = mx * Rules.PLAYER_SPEED;
        p.vy = my * Rules.PLAYER_SPEED;
        p.x = clamp(p.x + p.vx * dt, 0f, w.width);
        p.y = clamp(p.y + p.vy * dt, 0f, w.height);
        if (in.aims()) {
            float ax = in.aimX() - p.x;
            float ay = in.aimY() - p.y;
            float alen = (float) Math.sqrt(ax * ax + ay * ay);
            if (alen > 1e-3f) {
                p.aimX = ax / alen;
                p.aimY = ay / alen;
            }
        }
        if (in.fire() && p.cooldown <= 0f) {
            p.cooldown = Rules.PLAYER_FIRE_COOLDOWN_SECONDS;
            w.projectiles.add(Projectiles.FROM_PLAYER, p.x + p.aimX * Player.RADIUS, p.y + p.aimY * Player.RADIUS,
                    p.aimX * Rules.PLAYER_SHOT_SPEED, p.aimY * Rules.PLAYER_SHOT_SPEED, Rules.PLAYER_SHOT_LIFE_SECONDS);
        }
    }

    static void moveEntities(WorldState w, float dt) {
        Entities e = w.entities;
        float width = w.width;
        float height = w.height;
        for (int i = 0; i < e.count; i++) {
            float x = e.x[i] + e.vx[i] * dt;
            float y = e.y[i] + e.vy[i] * dt;
            if (x < 0f) {
                x = 0f;
                e.vx[i] = Math.abs(e.vx[i]);
            } else if (x > width) {
                x = width;
                e.vx[i] = -Math.abs(e.vx[i]);
            }
            if (y < 0f) {
                y = 0f;
                e.vy[i] = Math.abs(e.vy[i]);
            } else if (y > height) {
                y = height;
                e.vy[i] = -Math.abs(e.vy[i]);
            }
            e.x[i] = x;
            e.y[i] = y;
        }
    }

    static void moveShots(WorldState w, Grid grid, float dt) {
        Projectiles s = w.projectiles;
        Player p = w.player;
        Entities e = w.entities;
        float hitPlayer = Player.RADIUS + Projectiles.RADIUS;
        float hitEnemy = Entities.RADIUS + Projectiles.RADIUS;
        int[] items = grid.items();
        for (int i = 0; i < s.count; i++) {
            float x = s.x[i] + s.vx[i] * dt;
            float y = s.y[i] + s.vy[i] * dt;
            s.x[i] = x;
            s.y[i] = y;
            s.lifeSeconds[i] -= dt;
            if (x < 0f || y < 0f || x > w.width || y > w.height) {
                s.lifeSeconds[i] = 0f;
                continue;
            }
            if (s.owner[i] == Projectiles.FROM_ENEMY) {
                float dx = x - p.x;
                float dy = y - p.y;
                if (p.health > 0f && dx * dx + dy * dy <= hitPlayer * hitPlayer) {
                    s.lifeSeconds[i] = 0f;
                    hurtPlayer(p);
                }
                continue;
            }
            int c0 = grid.column(x - hitEnemy);
            int c1 = grid.column(x + hitEnemy);
            int r0 = grid.row(y - hitEnemy);
            int r1 = grid.row(y + hitEnemy);
            search:
            for (int row = r0; row <= r1; row++) {
                for (int col = c0; col <= c1; col++) {
                    int end = grid.cellEnd(col, row);
                    for (int k = grid.cellBegin(col, row); k < end; k++) {
                        int j = items[k];
                        float dx = e.x[j] - x;
                        float dy = e.y[j] - y;
                        if (e.health[j] > 0f && dx * dx + dy * dy <= hitEnemy * hitEnemy) {
                            e.health[j] -= Rules.PLAYER_SHOT_DAMAGE;
                            if (e.health[j] <= 0f) {
                                p.score++;
                            }
                            s.lifeSeconds[i] = 0f;
                            break search;
                        }
                    }
                }
            }
        }
    }

    static void hitPlayerByContact(WorldState w, Grid grid) {
        Player p = w.player;
        if (p.immortal || p.health <= 0f || p.invulnerableSeconds > 0f) {
            return;
        }
        Entities e = w.entities;
        float reach = Player.RADIUS + Entities.RADIUS;
        int[] items = grid.items();
        for (int row = grid.row(p.y - reach); row <= grid.row(p.y + reach); row++) {
            for (int col = grid.column(p.x - reach); col <= grid.column(p.x + reach); col++) {
                int end = grid.cellEnd(col, row);
                for (int k = grid.cellBegin(col, row); k < end; k++) {
                    int j = items[k];
                    float dx = e.x[j] - p.x;
                    float dy = e.y[j] - p.y;
                    if (dx * dx + dy * dy <= reach * reach) {
                        hurtPlayer(p);
                        return;
                    }
                }
            }
        }
    }

    static void hurtPlayer(Player p) {
        if (p.immortal || p.invulnerableSeconds > 0f || p.health <= 0f) {
            return;
        }
        p.health = Math.max(0f, p.health - 1f);
        p.invulnerableSeconds = Rules.PLAYER_GRACE_SECONDS;
    }

    private static float clampUnit(float v) {
        return Float.isFinite(v) ? clamp(v, -1f, 1f) : 0f;
    }

    private static float clamp(float v, float lo, float hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

}
