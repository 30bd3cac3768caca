package dev.pitstop.reload;

import dev.pitstop.api.Behaviour;
import dev.pitstop.guard.WorkBudget;
import dev.pitstop.sim.ErrorText;
import dev.pitstop.sim.ScriptLine;
import dev.pitstop.sim.ScriptLocator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.Map;

/**
 * The script code that loading runs: static initializers and behaviours' constructors, each
 * under one initializer budget (unless scripts are trusted), and what they throw turned into a
 * rejection at the script line it came from. Runs on the reload coordinator's script thread,
 * under its deadline: this is where a throwing or endless initializer is caught before it can
 * reach the game thread.
 */
final class ScriptInitializers {

    private final Safety safety;

    ScriptInitializers(Safety safety) {
        this.safety = safety;
    }

    /** Runs the static initializers of {@code names}, in order, each under one budget. */
    void initialize(ClassLoader loader, Collection<String> names, GenerationBuilder.Checked checked) throws Rejection {
        Map<String, String> files = checked.files();
        SourceLines lines = checked.lines();
        ScriptLocator locator = files::get;
        for (String name : names) {
            String what = "static initializer of " + ClassShape.simpleName(name) + " threw ";
            startRun();
            try {
                Class.forName(name, true, loader);
            } catch (ExceptionInInitializerError ex) {
                Throwable cause = ex.getCause() == null ? ex : ex.getCause();
                throw thrown(cause, locator, files.get(name), lines.declaration(files.get(name), name), what);
            } catch (ClassNotFoundException | LinkageError ex) {
                throw Rejection.verify(files.get(name), lines.declaration(files.get(name), name),
                        "cannot link class " + name + ": " + ex);
            } catch (Error ex) {
                // An Error from a static initializer arrives unwrapped (JLS 12.4.2): the work budget's,
                // a stack overflow, an assertion. Left to fly, it would end the reload thread.
                throw thrown(ex, locator, files.get(name), lines.declaration(files.get(name), name), what);
            } finally {
                endRun();
            }
        }
    }

    /** One instance of the behaviour class {@code c}, declared in {@code file} at {@code line}. */
    Behaviour instantiate(Class<?> c, String file, long line, ScriptLocator locator) throws Rejection {
        Constructor<?> ctor;
        try {
            ctor = c.getConstructor();
        } catch (NoSuchMethodException e) {
            throw Rejection.verify(file, line, "behaviour " + c.getSimpleName() + " has no public no-argument constructor");
        }
        startRun();
        try {
            return (Behaviour) ctor.newInstance();
        } catch (InvocationTargetException e) {
            throw thrown(e.getCause(), locator, file, line, "constructor of " + c.getSimpleName() + " threw ");
        } catch (ReflectiveOperationException | LinkageError e) {
            throw Rejection.verify(file, line, "cannot create " + c.getSimpleName() + ": " + e);
        } finally {
            endRun();
        }
    }

    /** Script code on this thread from here to {@link #endRun()} may do one initializer budget's work. */
    private void startRun() {
        if (!safety.trusted()) {
            WorkBudget.begin(safety.initializerBudgetUnits(), Safety.INITIALIZER_BACKSTOP_MILLIS);
        }
    }

    private void endRun() {
        if (!safety.trusted()) {
            WorkBudget.end();
        }
    }

    /** A rejection for script code that threw, at the script line it threw from when there is one. */
    private static Rejection thrown(Throwable cause, ScriptLocator locator, String file, long line, String what) {
        ScriptLine frame = ErrorText.scriptLine(cause, locator);
        String text = what + ErrorText.describe(cause, locator);
        return frame == null ? Rejection.verify(file, line, text) : new Rejection("verify", Diagnostic.at(frame, text));
    }
}
