package dev.pitstop.compile;

import java.util.List;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs one javac compilation: either a fresh javac task every time ({@link FreshTasks}), or one
 * javac context kept between compiles ({@code dev.pitstop.compile.reuse.ReusedContext}), which
 * does not read and complete the JDK's and the API's classes again for every save. Made by
 * {@link ScriptCompiler}; called by the compile server's main thread only (javac is not
 * thread-safe).
 */
public interface JavacRunner {

    /**
     * Compiles {@code units} with {@code files}, reporting to {@code diagnostics}.
     *
     * @return whether javac succeeded
     * @throws RuntimeException when javac itself crashed (a runner that keeps state lets it go then)
     */
    boolean compile(JavaFileManager files, DiagnosticListener<JavaFileObject> diagnostics, List<String> options,
            List<JavaFileObject> units);

    /** A word for logs and measurements: {@code fresh} or {@code reused}. */
    String name();
}
