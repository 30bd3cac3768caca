#version 330 core
// Floor, grid and border of the arena. Save this file while the game runs to see it change.
in vec2 v_world;
uniform vec2 u_arena;
out vec4 o_colour;

const vec3 FLOOR = vec3(0x14, 0x1A, 0x26) / 255.0;
const vec3 GRID = vec3(0x1E, 0x27, 0x38) / 255.0;
const vec3 BORDER = vec3(0x3C, 0x5A, 0x8C) / 255.0;
const float CELL = 80.0;       // world units between grid lines
const float BORDER_WIDTH = 3.0; // world units

void main() {
    vec2 cell = abs(fract(v_world / CELL + 0.5) - 0.5) * CELL; // distance to the nearest grid line
    vec2 pixel = fwidth(v_world);
    float grid = 1.0 - smoothstep(0.0, 1.0, min(cell.x / pixel.x, cell.y / pixel.y));
    vec3 colour = mix(FLOOR, GRID, grid);
    float edge = min(min(v_world.x, u_arena.x - v_world.x), min(v_world.y, u_arena.y - v_world.y));
    colour = mix(colour, BORDER, step(edge, BORDER_WIDTH));
    o_colour = vec4(colour, 1.0);
}
