package dev.pitstop.compile;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * A compile server that misbehaves on purpose, for tests of the engine's side: it says hello,
 * reads one request, then {@code mute} never answers, {@code exit7} ends with exit code 7 after a
 * word on standard error, {@code nonsense} answers with a frame of an unknown kind.
 */
public final class FakeCompileServer {

    private FakeCompileServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        DataInputStream in = new DataInputStream(System.in);
        CompileProtocol.writeHello(out);
        CompileProtocol.readRequest(in);
        switch (args[0]) {
            case "mute" -> Thread.sleep(Long.MAX_VALUE);
            case "exit7" -> {
                System.err.println("fake server: asked to leave");
                System.exit(7);
            }
            case "nonsense" -> {
                out.writeInt(1);
                out.writeByte(99);
                out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
