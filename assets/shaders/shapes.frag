#version 330 core
// Shapes as signed distances in the instance's own units (radius 1): negative inside.
in vec2 v_local;
flat in int v_shape;
in vec4 v_colour;
out vec4 o_colour;

float edge(vec2 p, vec2 a, vec2 b) {
    vec2 e = b - a;
    return dot(p - a, normalize(vec2(e.y, -e.x)));
}

float triangle(vec2 p, vec2 a, vec2 b, vec2 c) {
    return max(max(edge(p, a, b), edge(p, b, c)), edge(p, c, a));
}

float shape(vec2 p) {
    if (v_shape == 1) {        // chaser: an arrowhead along its velocity
        return triangle(p, vec2(1.0, 0.0), vec2(-0.75, 0.8), vec2(-0.75, -0.8));
    } else if (v_shape == 2) { // orbiter: a ring around a core
        float r = length(p);
        return min(abs(r - 0.78) - 0.2, r - 0.32);
    } else if (v_shape == 3) { // sniper: a diamond
        return (abs(p.x) * 0.8 + abs(p.y)) - 1.0;
    } else if (v_shape == 4) { // the player's ship, nose towards the aim
        float hull = triangle(p, vec2(1.1, 0.0), vec2(-0.85, 0.75), vec2(-0.85, -0.75));
        return max(hull, -(length(p - vec2(-1.0, 0.0)) - 0.45));
    }
    return length(p) - 1.0;    // swarm and shots: discs
}

void main() {
    float d = shape(v_local);
    float aa = fwidth(d);
    float coverage = 1.0 - smoothstep(-aa, aa, d);
    if (coverage <= 0.0) {
        discard;
    }
    o_colour = vec4(v_colour.rgb, v_colour.a * coverage);
}
