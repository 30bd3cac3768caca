#version 330 core
// Every enemy, shot and the player: one instance each, a quad made from the vertex index and
// turned by the instance's angle. The fragment shader cuts the shape out of the quad.
layout(location = 0) in vec4 a_placement; // x, y, radius (world units), angle (radians)
layout(location = 1) in float a_shape;
layout(location = 2) in vec4 a_colour;
uniform vec4 u_worldToClip;
out vec2 v_local;
flat out int v_shape;
out vec4 v_colour;

const float MARGIN = 1.2; // room around the shape for its smoothed edge

void main() {
    vec2 corner = vec2((gl_VertexID & 1) == 0 ? -1.0 : 1.0, (gl_VertexID & 2) == 0 ? -1.0 : 1.0) * MARGIN;
    float c = cos(a_placement.w);
    float s = sin(a_placement.w);
    vec2 turned = vec2(c * corner.x - s * corner.y, s * corner.x + c * corner.y);
    vec2 world = a_placement.xy + turned * a_placement.z;
    gl_Position = vec4(world * u_worldToClip.xy + u_worldToClip.zw, 0.0, 1.0);
    v_local = corner;
    v_shape = int(a_shape + 0.5);
    v_colour = a_colour;
}
