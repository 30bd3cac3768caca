package dev.pitstop.tune;

/**
 * A source file's bytes as the tuner edits them: one span replaced and every other byte kept (line
 * ends, tabs, the encoding), and lines counted as javac counts them, so that the {@code tuned}
 * event's line is the one an error would name. Stateless; any thread.
 */
final class SourceBytes {

    private SourceBytes() {
    }

    /** {@code content} with the bytes from {@code start} to {@code end} (exclusive) replaced by {@code middle}. */
    static byte[] splice(byte[] content, int start, int end, byte[] middle) {
        byte[] out = new byte[content.length - (end - start) + middle.length];
        System.arraycopy(content, 0, out, 0, start);
        System.arraycopy(middle, 0, out, start, middle.length);
        System.arraycopy(content, end, out, start + middle.length, content.length - end);
        return out;
    }

    /** The line (from 1) of byte {@code offset}, counting line ends as javac does (\n, \r\n, \r). */
    static long lineAt(byte[] content, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < content.length; i++) {
            if (content[i] == '\n' || content[i] == '\r' && (i + 1 >= content.length || content[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }
}
