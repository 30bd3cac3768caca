#version 330 core
// The HUD: text quads from stb_easy_font and filled rectangles, in framebuffer pixels with the
// origin at the top left.
layout(location = 0) in vec2 a_pixel;
layout(location = 1) in vec4 a_colour;
uniform vec2 u_screen; // framebuffer size in pixels
out vec4 v_colour;

void main() {
    vec2 clip = a_pixel / u_screen * 2.0 - 1.0;
    gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
    v_colour = a_colour;
}
