package dev.pitstop.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the engine and its compile server talk: binary frames over the server's standard input
 * (requests) and standard output (answers). A frame is an int length and that many bytes: a kind
 * byte, then its body. Strings are an int length (-1 for null) and UTF-8; maps an int count and
 * their entries, in order.
 *
 * <pre>
 * server → engine, once, when javac is ready:  HELLO   magic version
 * engine → server:                             COMPILE sources(path → bytes) classes(binary name → bytes)
 * server → engine, for each COMPILE:           RESULT  compiledFiles classes(name, source file, bytes)
 *                                                      errors(file, line, column, message)
 * engine → server, no answer:                  WARM_UP times sources(path → bytes)
 * </pre>
 *
 * Frames are length-prefixed rather than delimited so that a reader never scans class bytes, and
 * a length past {@link #MAX_FRAME_BYTES} (a confused peer) is refused before anything is
 * allocated for it. Static methods only, called by whichever thread owns the stream at the time.
 */
public final class CompileProtocol {

    /** The largest frame either side accepts: far above any script folder's sources or classes. */
    public static final int MAX_FRAME_BYTES = 64 << 20;

    static final int MAGIC = 0x50_43_4F_4D; // "PCOM"
    static final int VERSION = 1;

    static final byte HELLO = 1;
    static final byte COMPILE = 2;
    static final byte RESULT = 3;
    static final byte WARM_UP = 4;

    private CompileProtocol() {
    }

    /**
     * What came is not a frame of this protocol: the peer is confused (or not a compile server),
     * as opposed to gone, which is an {@link EOFException} or another {@link IOException}. Thrown
     * on the thread reading the stream.
     */
    public static final class MalformedFrameException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedFrameException(String message) {
            super(message);
        }

        MalformedFrameException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A request as the server reads it: {@code times} is 0 for a compile. */
    record Request(byte kind, Map<String, byte[]> sources, Map<String, byte[]> classes, int times) {
    }

    /** Asks for {@code sources} compiled against {@code classes}; a {@code RESULT} answers it. */
    public static void writeCompile(DataOutputStream out, Map<String, byte[]> sources, Map<String, byte[]> classes)
            throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(buffer);
        body.writeByte(COMPILE);
        writeMap(body, sources);
        writeMap(body, classes);
        writeFrame(out, buffer);
    }

    /** Asks for {@code sources} to be compiled up to {@code times} times while nothing else is asked; no answer. */
    public static void writeWarmUp(DataOutputStream out, Map<String, byte[]> sources, int times) throws IOException {
        if (times < 1) {
            throw new IllegalArgumentException("a warm-up compiles at least once, not " + times + " times");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(buffer);
        body.writeByte(WARM_UP);
        body.writeInt(times);
        writeMap(body, sources);
        writeFrame(out, buffer);
    }

    /** The next request, or null when the engine closed the stream between two frames. */
    static Request readRequest(DataInputStream in) throws IOException {
        DataInputStream body = readFrame(in, true);
        if (body == null) {
            return null;
        }
        try {
            return request(body);
        } catch (EOFException e) {
            throw new MalformedFrameException("malformed frame: it ends early", e);
        }
    }

    private static Request request(DataInputStream body) throws IOException {
        byte kind = body.readByte();
        Request r = switch (kind) {
            case COMPILE -> new Request(kind, readMap(body), readMap(body), 0);
            case WARM_UP -> {
                int times = body.readInt();
                if (times < 1) {
                    throw new MalformedFrameException("malformed frame: a warm-up of " + times + " compiles");
                }
                yield new Request(kind, readMap(body), Map.of(), times);
            }
            default -> throw new MalformedFrameException("malformed frame: unknown request kind " + kind);
        };
        expectEnd(body);
        return r;
    }

    static void writeHello(DataOutputStream out) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(buffer);
        body.writeByte(HELLO);
        body.writeInt(MAGIC);
        body.writeInt(VERSION);
        writeFrame(out, buffer);
    }

    /** Reads the server's hello; throws if what came is not a compile server of this version. */
    public static void readHello(DataInputStream in) throws IOException {
        DataInputStream body = readFrame(in, false);
        try {
            hello(body);
        } catch (EOFException e) {
            throw new MalformedFrameException("malformed frame: it ends early", e);
        }
    }

    private static void hello(DataInputStream body) throws IOException {
        if (body.readByte() != HELLO || body.readInt() != MAGIC) {
            throw new MalformedFrameException("malformed frame: the process is not a Pitstop compile server");
        }
        int version = body.readInt();
        if (version != VERSION) {
            throw new MalformedFrameException("the compile server speaks version " + version + ", the engine " + VERSION);
        }
        expectEnd(body);
    }

    static void writeResult(DataOutputStream out, Compilation c) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(buffer);
        body.writeByte(RESULT);
        body.writeInt(c.compiledFiles());
        body.writeInt(c.classes().size());
        for (Map.Entry<String, byte[]> e : c.classes().entrySet()) {
            writeString(body, e.getKey());
            writeString(body, c.sourceOf().get(e.getKey()));
            writeBytes(body, e.getValue());
        }
        body.writeInt(c.errors().size());
        for (CompileError e : c.errors()) {
            writeString(body, e.file());
            body.writeLong(e.line());
            body.writeLong(e.column());
            writeString(body, e.message());
        }
        writeFrame(out, buffer);
    }

    /** Reads the answer to a {@code COMPILE}. */
    public static Compilation readResult(DataInputStream in) throws IOException {
        DataInputStream body = readFrame(in, false);
        try {
            return result(body);
        } catch (EOFException e) {
            throw new MalformedFrameException("malformed frame: it ends early", e);
        }
    }

    private static Compilation result(DataInputStream body) throws IOException {
        byte kind = body.readByte();
        if (kind != RESULT) {
            throw new MalformedFrameException("malformed frame: expected a result, got kind " + kind);
        }
        int compiledFiles = body.readInt();
        int classCount = count(body);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (int i = 0; i < classCount; i++) {
            String name = required(readString(body), "a class name");
            String source = readString(body);
            classes.put(name, readBytes(body));
            if (source != null) {
                sourceOf.put(name, source);
            }
        }
        int errorCount = count(body);
        List<CompileError> errors = new ArrayList<>();
        for (int i = 0; i < errorCount; i++) {
            String file = readString(body);
            long line = body.readLong();
            long column = body.readLong();
            errors.add(new CompileError(file, line, column, required(readString(body), "an error message")));
        }
        expectEnd(body);
        if (compiledFiles < 0) {
            throw new MalformedFrameException("malformed frame: " + compiledFiles + " files compiled");
        }
        return new Compilation(classes, sourceOf, errors, compiledFiles);
    }

    private static void writeFrame(DataOutputStream out, ByteArrayOutputStream body) throws IOException {
        if (body.size() > MAX_FRAME_BYTES) {
            throw new IOException("a frame of " + body.size() + " bytes is over the limit of " + MAX_FRAME_BYTES);
        }
        out.writeInt(body.size());
        body.writeTo(out);
        out.flush();
    }

    /** A frame's body; null at a clean end of stream if {@code endAllowed}. */
    private static DataInputStream readFrame(DataInputStream in, boolean endAllowed) throws IOException {
        int first = in.read();
        if (first < 0) {
            if (endAllowed) {
                return null;
            }
            throw new EOFException("the stream ended");
        }
        int length = first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
        if (length < 1 || length > MAX_FRAME_BYTES) {
            throw new MalformedFrameException("malformed frame: length " + length);
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return new DataInputStream(new ByteArrayInputStream(body));
    }

    private static void expectEnd(DataInputStream body) throws IOException {
        if (body.available() != 0) {
            throw new MalformedFrameException("malformed frame: " + body.available() + " bytes left over");
        }
    }

    private static void writeMap(DataOutputStream out, Map<String, byte[]> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, byte[]> e : map.entrySet()) {
            writeString(out, e.getKey());
            writeBytes(out, e.getValue());
        }
    }

    private static Map<String, byte[]> readMap(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            map.put(required(readString(in), "a name"), readBytes(in));
        }
        return map;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        return new String(readBytes(in, length), StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return readBytes(in, in.readInt());
    }

    private static byte[] readBytes(DataInputStream in, int length) throws IOException {
        if (length < 0 || length > in.available()) {
            throw new MalformedFrameException("malformed frame: " + length + " bytes announced, " + in.available() + " left");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    /** A count of entries; each takes at least 4 bytes, which bounds it by what is left. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 4) {
            throw new MalformedFrameException("malformed frame: " + n + " entries announced, " + in.available() + " bytes left");
        }
        return n;
    }

    private static String required(String s, String what) throws IOException {
        if (s == null) {
            throw new MalformedFrameException("malformed frame: " + what + " is missing");
        }
        return s;
    }
}
