package dev.pitstop.reload.bytecode;

import dev.pitstop.guard.WorkBudget;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Adds the work budget to a script class: a call to {@link WorkBudget#step()} at every method
 * entry (constructors and static initializers too) and exception-handler entry (with try ranges
 * cut so that a handler's step throws out of the method), a weighted step at every loop
 * back-edge (one unit plus one per JDK call in the loop's body), a charge before every array
 * allocation, and a charge before every JDK call that the scripts' member table prices by its
 * arguments ({@link ChargeHelpers}: the call goes through a synthetic helper that computes the
 * cost, charges it, then makes the call). Method references to JDK members go through a counted
 * bridge of the script's own, string concatenations are charged by the length of what they
 * copy, and stream sources come back counted element by element.
 *
 * <p>The inserted code leaves the operand stack as it found it (or, for a charged {@code new},
 * as the constructor would have), so the class's stack map frames stay valid and nothing has to
 * be recomputed from the class hierarchy (which would mean loading classes). Stateless; any
 * thread.
 */
public final class BudgetInstrumenter {

    static final String RUNTIME = Type.getInternalName(WorkBudget.class);
    static final String COSTS = "dev/pitstop/guard/Costs";

    private BudgetInstrumenter() {
    }

    /**
     * Every class of one attempt with the budget added. The whole attempt is needed to tell the
     * scripts' own members from the JDK's.
     *
     * @param classes class bytes by binary name
     * @throws IllegalArgumentException naming the class, if one cannot be instrumented (a method
     *                                  grows past the JVM's 64 KiB limit, a call shape the
     *                                  instrumentation does not handle)
     */
    public static Map<String, byte[]> instrument(Map<String, byte[]> classes) {
        return instrument(new ScriptShapes(classes), classes);
    }

    /** Instruments {@code toDo}, some of the classes whose outlines are {@code shapes}. */
    static Map<String, byte[]> instrument(ScriptShapes shapes, Map<String, byte[]> toDo) {
        MemberResolver resolver = new MemberResolver(shapes);
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : toDo.entrySet()) {
            try {
                out.put(e.getKey(), instrument(e.getValue(), resolver));
            } catch (IllegalArgumentException ex) {
                throw new Failure(e.getKey(), ex.getMessage(), ex);
            }
        }
        return out;
    }

    /** A class of an attempt that cannot be instrumented, by binary name. */
    public static final class Failure extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final String className;

        Failure(String className, String message, Throwable cause) {
            super(message, cause);
            this.className = className;
        }

        /** The binary name of the class. */
        public String className() {
            return className;
        }
    }

    /** One class with the budget added, taken alone (its own members are the only scripts'). */
    public static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        return instrument(classFile, new MemberResolver(new ScriptShapes(Map.of(reader.getClassName(), classFile))));
    }

    private static byte[] instrument(byte[] classFile, MemberResolver resolver) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        try {
            reader.accept(new ClassAdapter(writer, new HandlerLayout(reader), resolver), 0);
            return writer.toByteArray();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot add the work budget to " + reader.getClassName().replace('/', '.')
                    + ": " + e.getMessage(), e);
        }
    }

    private static final class ClassAdapter extends ClassVisitor {

        private final HandlerLayout layout;
        private final MemberResolver resolver;
        private ChargeHelpers helpers;
        private int methods;

        ClassAdapter(ClassVisitor next, HandlerLayout layout, MemberResolver resolver) {
            super(Opcodes.ASM9, next);
            this.layout = layout;
            this.resolver = resolver;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            helpers = new ChargeHelpers(name, (access & Opcodes.ACC_INTERFACE) != 0, version, resolver);
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            List<HandlerLayout.Cuts> cuts = layout.method(methods++);
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            // Prices come first, then the count: the count's steps go before whatever the pricing emits.
            return next == null ? null : new ChargeSites(new BudgetMethodVisitor(next, cuts), helpers, resolver);
        }

        @Override
        public void visitEnd() {
            helpers.writeAll(cv);
            super.visitEnd();
        }
    }
}
