package dev.pitstop.reload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first bytes read through it, for {@link CompilerChild} to quote what a process that
 * could not start printed. Read by one thread, the one that reads the stream.
 */
final class FirstBytes extends FilterInputStream {
    private final byte[] kept;
    private int size;

    FirstBytes(InputStream in, int capacity) {
        super(in);
        if (in == null || capacity < 1) {
            throw new IllegalArgumentException("first bytes need a stream and room for a byte, was " + in + ", " + capacity);
        }
        kept = new byte[capacity];
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && size < kept.length) {
            kept[size++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        int k = Math.min(Math.max(n, 0), kept.length - size);
        System.arraycopy(b, off, kept, size, k);
        size += k;
        return n;
    }

    boolean full() {
        return size == kept.length;
    }

    String text() {
        return new String(kept, 0, size, StandardCharsets.UTF_8);
    }
}
