package dev.pitstop.compile;

import java.util.List;
import javax.tools.JavaCompiler;

/**
 * Picks how javac runs: one context kept between compiles where javac's internals are open to
 * this code (the compile server's command line opens them), a fresh task per compile otherwise or
 * when {@code PITSTOP_FRESH_JAVAC=1} asks for it (to compare the two). Any thread; called once
 * per {@link ScriptCompiler}.
 */
final class JavacRunners {

    /** What {@code ReusedContext} uses of {@code jdk.compiler}. */
    static final List<String> INTERNALS = List.of("com.sun.tools.javac.api", "com.sun.tools.javac.code",
            "com.sun.tools.javac.util");
    private static final String REUSED = "dev.pitstop.compile.reuse.ReusedContext";

    private JavacRunners() {
    }

    static JavacRunner best(JavaCompiler javac, List<String> stablePackages) {
        if ("1".equals(System.getenv("PITSTOP_FRESH_JAVAC")) || !internalsOpen()) {
            return new FreshTasks(javac);
        }
        try {
            return (JavacRunner) Class.forName(REUSED).getConstructor(List.class).newInstance(stablePackages);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return new FreshTasks(javac); // built without it, or a JDK whose internals differ
        }
    }

    private static boolean internalsOpen() {
        Module compiler = ModuleLayer.boot().findModule("jdk.compiler").orElse(null);
        Module me = JavacRunners.class.getModule();
        return compiler != null && INTERNALS.stream().allMatch(p -> compiler.isExported(p, me));
    }
}
