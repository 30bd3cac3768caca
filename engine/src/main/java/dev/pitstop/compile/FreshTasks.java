package dev.pitstop.compile;

import java.util.List;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * A new javac task for every compile, through the public API alone: the reference every other
 * runner is checked against, and what runs where javac's internals are not open to the engine.
 * Compile server's main thread.
 */
final class FreshTasks implements JavacRunner {

    private final JavaCompiler javac;

    FreshTasks(JavaCompiler javac) {
        this.javac = javac;
    }

    @Override
    public boolean compile(JavaFileManager files, DiagnosticListener<JavaFileObject> diagnostics, List<String> options,
            List<JavaFileObject> units) {
        return javac.getTask(null, files, diagnostics, options, null, units).call();
    }

    @Override
    public String name() {
        return "fresh";
    }
}
