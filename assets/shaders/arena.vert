#version 330 core
// The arena: one rectangle covering [0, width] x [0, height] world units, made from the vertex
// index alone (no vertex buffer).
uniform vec4 u_worldToClip; // xy: scale, zw: offset
uniform vec2 u_arena;       // arena size, world units
out vec2 v_world;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    v_world = corner * u_arena;
    gl_Position = vec4(v_world * u_worldToClip.xy + u_worldToClip.zw, 0.0, 1.0);
}
