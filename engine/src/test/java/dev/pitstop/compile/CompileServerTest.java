package dev.pitstop.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The compile server's side of the protocol, over pipes in this JVM. */
class CompileServerTest {

    private static final ScriptCompiler JAVAC = new ScriptCompiler(ScriptCompiler.scriptClassPath());

    private static Map<String, byte[]> sources(String... pathsAndTexts) {
        Map<String, byte[]> m = new TreeMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            m.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    /** A server on pipes: what the engine writes, what it reads, and the exit code to come. */
    private static final class Session {
        final DataOutputStream requests;
        final DataInputStream answers;
        final CompletableFuture<Integer> exit;

        Session() throws IOException {
            this(new CompileServer(JAVAC));
        }

        Session(CompileServer server) throws IOException {
            PipedOutputStream toServer = new PipedOutputStream();
            PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 20);
            PipedOutputStream serverOut = new PipedOutputStream();
            answers = new DataInputStream(new PipedInputStream(serverOut, 1 << 20));
            requests = new DataOutputStream(toServer);
            exit = CompletableFuture.supplyAsync(() -> {
                try (serverOut) {
                    return server.serve(serverIn, serverOut);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void answersCompilesAgainstEarlierClassesWithErrorsAndEndsWithItsInput() throws Exception {
        Session s = new Session();
        CompileProtocol.readHello(s.answers);

        CompileProtocol.writeCompile(s.requests, sources(
                "p/A.java", "package p;\npublic class A {\n    public static final int V = 1;\n    class Inner { }\n}\n"), Map.of());
        Compilation a = CompileProtocol.readResult(s.answers);
        assertTrue(a.ok(), a.errors().toString());
        assertEquals(1, a.compiledFiles());
        assertEquals(List.of("p.A$Inner", "p.A"), List.copyOf(new TreeMap<>(a.classes()).descendingKeySet()));
        assertEquals("p/A.java", a.sourceOf().get("p.A$Inner"));

        CompileProtocol.writeWarmUp(s.requests, sources("p/A.java", "package p;\npublic class A { }\n",
                "p/C.java", "package p;\nclass C extends A { }\n"), 3);
        CompileProtocol.writeCompile(s.requests, sources("p/B.java", "package p;\npublic class B {\n    int v = A.V + x;\n}\n"),
                a.classes());
        Compilation b = CompileProtocol.readResult(s.answers);
        assertFalse(b.ok());
        assertEquals(new CompileError("p/B.java", 3, 19,
                "cannot find symbol (symbol: variable x; location: class p.B)"), b.errors().get(0));

        s.requests.close();
        assertEquals(0, s.exit.get());
    }

    @Test
    void keepsWarmingItselfWhileIdleAndAnswersARequestThatComesMeanwhile() throws Exception {
        CompileServer server = new CompileServer(JAVAC, 60);
        Session s = new Session(server);
        CompileProtocol.readHello(s.answers);
        CompileProtocol.writeWarmUp(s.requests, sources("p/A.java", "package p;\npublic class A { static int v; }\n",
                "p/C.java", "package p;\nclass C extends A { int w = v + 1; }\n"), 1);
        // One round is 20 one-file compiles; more than that is the idle warm-up, between requests.
        long giveUp = System.nanoTime() + 60_000_000_000L;
        while (server.warmCompiles() <= 20 && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
        int before = server.warmCompiles();
        assertTrue(before > 20, "no warm-up compile after the first round: " + before);

        CompileProtocol.writeCompile(s.requests, sources("q/B.java", "package q;\npublic class B { int x = y; }\n"),
                Map.of());
        Compilation wrong = CompileProtocol.readResult(s.answers);
        assertEquals(new CompileError("q/B.java", 2, 26, "cannot find symbol (symbol: variable y; location: class q.B)"),
                wrong.errors().get(0));
        CompileProtocol.writeCompile(s.requests, sources("q/B.java", "package q;\npublic class B { int x = 2; }\n"),
                Map.of());
        Compilation right = CompileProtocol.readResult(s.answers);
        assertTrue(right.ok(), right.errors().toString());
        assertEquals(List.of("q.B"), List.copyOf(right.classes().keySet()));

        s.requests.close();
        assertEquals(0, s.exit.get());
        assertTrue(server.warmCompiles() <= 60, "more warm-up compiles than its life's: " + server.warmCompiles());
    }

    @Test
    void aResultSurvivesTheWireAsItWasMade() throws Exception {
        Compilation c = new Compilation(Map.of("p.A", new byte[] {1, 2, 3}, "q.B", new byte[0]), Map.of("p.A", "p/A.java"),
                List.of(new CompileError(null, 0, 0, "no file"), new CompileError("p/ü.java", 2, 7, "ünïcode")), 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompileProtocol.writeResult(new DataOutputStream(bytes), c);
        Compilation back = CompileProtocol.readResult(new DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(c.errors(), back.errors());
        assertEquals(c.sourceOf(), back.sourceOf());
        assertEquals(c.compiledFiles(), back.compiledFiles());
        assertEquals(c.classes().keySet(), back.classes().keySet());
        assertEquals(3, back.classes().get("p.A").length);
    }

    @Test
    void somethingUnreadableEndsTheServerWithCode2() throws Exception {
        Session s = new Session();
        CompileProtocol.readHello(s.answers);
        s.requests.writeInt(Integer.MAX_VALUE);
        s.requests.flush();
        assertEquals(2, s.exit.get());

        byte[] truncated = {0, 0, 0, 9, CompileProtocol.COMPILE, 0, 0, 0, 1, 0, 0, 0, 1};
        IOException e = assertThrows(IOException.class, () -> CompileProtocol.readRequest(
                new DataInputStream(new java.io.ByteArrayInputStream(truncated))));
        assertTrue(e.getMessage().startsWith("malformed frame"), e.getMessage());
    }
}
