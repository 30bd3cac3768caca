package dev.pitstop.compile.reuse;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.api.JavacTaskPool;
import com.sun.tools.javac.code.ClassFinder;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import dev.pitstop.compile.JavacRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * One javac context kept from compile to compile, as jshell keeps one ({@link JavacTaskPool}): the
 * JDK's and the script API's classes are read and completed once, instead of at every save, which
 * takes a warm one-file compile from about 13 ms to about 4 ms (20 small behaviours, JDK 17, C1).
 *
 * <p>What the pool keeps is only right for classes that never change. Scripts' classes change
 * at every save, and javac lists a package only once per context, so after every compile this
 * forgets every class and package of the unnamed module outside {@code stablePackages} (the
 * script API and JOML): the next compile lists and reads them again from what it is given. A
 * compile whose sources or classes fall inside a stable package or the JDK's, or that crashed
 * javac, could leave the kept classes changed: its context is thrown away and the next compile
 * starts a fresh one.
 *
 * <p>Needs {@code --add-exports} of {@code jdk.compiler}'s {@code api}, {@code code} and {@code
 * util} packages (the compile server's command line has them); built apart from the rest of the
 * engine, which compiles with {@code --release}. Loaded by name by the compile server's main
 * thread, the only thread that calls it.
 */
public final class ReusedContext implements JavacRunner {

    private final List<String> stablePackages;
    private JavacTaskPool pool = new JavacTaskPool(1);

    /** @param stablePackages packages (and their subpackages) of the class path whose classes never change */
    public ReusedContext(List<String> stablePackages) {
        this.stablePackages = List.copyOf(stablePackages);
    }

    @Override
    public boolean compile(JavaFileManager files, DiagnosticListener<JavaFileObject> diagnostics, List<String> options,
            List<JavaFileObject> units) {
        try {
            return pool.getTask(null, files, diagnostics, options, null, units, task -> run(task));
        } catch (RuntimeException | Error e) {
            pool = new JavacTaskPool(1); // the pool does not take back a context whose task threw; nor do we
            throw e;
        }
    }

    private boolean run(JavacTask task) {
        Set<String> rootPackages = new HashSet<>();
        task.addTaskListener(new TaskListener() {
            @Override
            public void finished(TaskEvent e) {
                if (e.getKind() == TaskEvent.Kind.PARSE && e.getCompilationUnit().getPackageName() != null) {
                    rootPackages.add(e.getCompilationUnit().getPackageName().toString());
                }
            }
        });
        Context context = ((BasicJavacTask) task).getContext(); // before call(), which lets the task drop it
        boolean ok = task.call();
        if (!forgetScripts(context, rootPackages)) {
            pool = new JavacTaskPool(1);
        }
        return ok;
    }

    /**
     * Drops the classes of every script package from the symbol table and makes their packages be
     * listed again. Returns false when the kept classes may have changed: then the context must
     * not be used again.
     */
    private boolean forgetScripts(Context context, Set<String> rootPackages) {
        for (String p : rootPackages) {
            if (stable(p) || p.startsWith("java.") || p.startsWith("javax.") || p.startsWith("jdk.")
                    || p.startsWith("sun.") || p.startsWith("com.sun.")) {
                return false;
            }
        }
        Symtab syms = Symtab.instance(context);
        List<ClassSymbol> scripts = new ArrayList<>();
        for (ClassSymbol c : syms.getAllClasses()) {
            PackageSymbol p = c.packge();
            if (p.modle == syms.unnamedModule && !stable(p.fullname.toString())) {
                scripts.add(c);
            } else if (p.modle == syms.unnamedModule && c.classfile != null && !fromClassPath(c.classfile)) {
                return false; // a script's class offered in a stable package: it would stay
            }
        }
        Symbol.Completer finder = ClassFinder.instance(context).getCompleter();
        Set<PackageSymbol> packages = new HashSet<>();
        for (ClassSymbol c : scripts) {
            syms.removeClass(c.packge().modle, c.flatname);
            packages.add(c.packge());
        }
        for (String name : rootPackages) {
            PackageSymbol p = syms.getPackage(syms.unnamedModule, Names.instance(context).fromString(name));
            if (p != null) {
                packages.add(p);
            }
        }
        for (PackageSymbol p : packages) {
            p.members_field = null;
            p.flags_field = 0;
            p.completer = finder;
        }
        return true;
    }

    /** Class path classes are files in a folder or entries of a jar; what the engine hands javac is neither. */
    private static boolean fromClassPath(JavaFileObject classFile) {
        String scheme = classFile.toUri().getScheme();
        return "file".equals(scheme) || "jar".equals(scheme);
    }

    private boolean stable(String packageName) {
        for (String s : stablePackages) {
            if (packageName.equals(s) || packageName.startsWith(s + ".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return "reused";
    }
}
