#version 330 core
// What scripts drew this tick with World.debugLine / debugCircle, as a line list in world units.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec3 a_colour;
uniform vec4 u_worldToClip;
out vec3 v_colour;

void main() {
    gl_Position = vec4(a_position * u_worldToClip.xy + u_worldToClip.zw, 0.0, 1.0);
    v_colour = a_colour;
}
