package dev.pitstop.bench.scripts;

import dev.pitstop.api.Behaviour;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac in memory for the benchmark's own hosts: the hotswap strategy's stand-in for an IDE that
 * compiles a saved file before pushing it into the running JVM, the world-state reference run, and
 * the JMH setups. Compiles against the scripting API and JOML with the options the engine uses.
 * One instance keeps javac warm across compiles.
 *
 * <p>Not thread-safe: one thread at a time (javac is not thread-safe).
 */
public final class SourceCompiler {

    private static final List<String> OPTIONS = List.of("-g", "-proc:none", "-Xlint:none", "-encoding", "UTF-8");

    private final JavaCompiler javac;
    private final StandardJavaFileManager standard;

    /** Thrown when the sources do not compile; the message holds javac's errors. Any thread. */
    public static final class CompileException extends Exception {
        CompileException(String message) {
            super(message);
        }
    }

    public SourceCompiler() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler (javax.tools); run the benchmark on a JDK");
        }
        standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH,
                    List.of(whereIs(Behaviour.class), whereIs(org.joml.Vector2fc.class)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot set the script class path: " + e.getMessage(), e);
        }
    }

    private static Path whereIs(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find where " + c.getName() + " is loaded from", e);
        }
    }

    /**
     * @param sources source text by path (only used in messages)
     * @return class bytes by binary name, in the order javac wrote them
     */
    public Map<String, byte[]> compile(Map<String, String> sources) throws CompileException {
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((path, text) -> units.add(new Source(path, text)));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Output output = new Output(standard);
        boolean ok = javac.getTask(null, output, diagnostics, OPTIONS, null, units).call();
        if (!ok) {
            StringBuilder sb = new StringBuilder("javac failed:");
            diagnostics.getDiagnostics().forEach(d -> sb.append("\n  ").append(d));
            throw new CompileException(sb.toString());
        }
        return output.classes();
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String path, String text) {
            super(URI.create("string:///" + path.replace('\\', '/')), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Keeps javac's class files in memory; the shared standard manager stays open between compiles. */
    private static final class Output extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();

        Output(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            classes.put(className, bytes);
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return bytes;
                }
            };
        }

        @Override
        public void close() {
            // shared across compiles
        }

        Map<String, byte[]> classes() {
            Map<String, byte[]> m = new LinkedHashMap<>();
            classes.forEach((name, bytes) -> m.put(name, bytes.toByteArray()));
            return m;
        }
    }
}
