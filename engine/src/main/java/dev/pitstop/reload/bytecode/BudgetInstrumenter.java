package dev.pitstop.reload.bytecode;

import dev.pitstop.guard.WorkBudget;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Adds the work budget to a script class: a call to {@link WorkBudget#step()} at every method
 * entry (constructors and static initializers too), loop back-edge and exception-handler entry
 * (with try ranges cut so that a handler's step throws out of the method), and a size check
 * before every array allocation. The inserted calls leave the operand stack as
 * they found it, so the class's stack map frames and maximum stack stay valid and nothing has to be
 * recomputed (which would need the class hierarchy, i.e. loading classes). Stateless; any thread.
 */
public final class BudgetInstrumenter {

    static final String RUNTIME = Type.getInternalName(WorkBudget.class);
    static final String MULTI_ARRAY_PREFIX = "pitstop$newArray$";

    private BudgetInstrumenter() {
    }

    /**
     * The class with the budget added.
     *
     * @throws IllegalArgumentException if it cannot be instrumented (a method grows past the JVM's
     *                                  64 KiB limit); the message says which
     */
    public static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        try {
            reader.accept(new ClassAdapter(writer, new HandlerLayout(reader)), 0);
            return writer.toByteArray();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot add the work budget to " + reader.getClassName().replace('/', '.')
                    + ": " + e.getMessage(), e);
        }
    }

    /** One {@code multianewarray} moved into a helper method of its own, with its line. */
    record MultiArraySite(String method, String arrayDescriptor, int dimensions, int line) {

        String helperDescriptor() {
            return "(" + "I".repeat(dimensions) + ")" + arrayDescriptor;
        }
    }

    private static final class ClassAdapter extends ClassVisitor {

        private final List<MultiArraySite> sites = new ArrayList<>();
        private final HandlerLayout layout;
        private int methods;
        private String owner;
        private boolean isInterface;

        ClassAdapter(ClassVisitor next, HandlerLayout layout) {
            super(Opcodes.ASM9, next);
            this.layout = layout;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            owner = name;
            isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            List<HandlerLayout.Cuts> cuts = layout.method(methods++);
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return next == null ? null : new BudgetMethodVisitor(next, this::multiArraySite, cuts);
        }

        private MultiArrayCall multiArraySite(String arrayDescriptor, int dimensions, int line) {
            MultiArraySite site = new MultiArraySite(MULTI_ARRAY_PREFIX + sites.size(), arrayDescriptor, dimensions, line);
            sites.add(site);
            return new MultiArrayCall(owner, site.method(), site.helperDescriptor(), isInterface);
        }

        @Override
        public void visitEnd() {
            for (MultiArraySite site : sites) {
                writeHelper(site);
            }
            super.visitEnd();
        }

        /**
         * {@code static T[]..[] pitstop$newArray$N(int d0, .., int dk)}: hands the sizes to
         * {@link WorkBudget#multiArray} as an int array, then allocates. A method of its own
         * because the sizes sit on the caller's operand stack, out of reach without new locals
         * (and new locals would mean rewriting every stack map frame).
         */
        private void writeHelper(MultiArraySite site) {
            MethodVisitor mv = super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    site.method(), site.helperDescriptor(), null, null);
            mv.visitCode();
            Label start = new Label();
            mv.visitLabel(start);
            if (site.line() > 0) {
                mv.visitLineNumber(site.line(), start); // so a fault here names the allocating line
            }
            int n = site.dimensions();
            push(mv, n);
            mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
            for (int i = 0; i < n; i++) {
                mv.visitInsn(Opcodes.DUP);
                push(mv, i);
                mv.visitVarInsn(Opcodes.ILOAD, i);
                mv.visitInsn(Opcodes.IASTORE);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "multiArray", "([I)V", false);
            for (int i = 0; i < n; i++) {
                mv.visitVarInsn(Opcodes.ILOAD, i);
            }
            mv.visitMultiANewArrayInsn(site.arrayDescriptor(), n);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(Math.max(4, n), n);
            mv.visitEnd();
        }

        private static void push(MethodVisitor mv, int value) {
            if (value <= 5) {
                mv.visitInsn(Opcodes.ICONST_0 + value);
            } else {
                mv.visitIntInsn(Opcodes.SIPUSH, value);
            }
        }
    }

    /** Where a rewritten {@code multianewarray} calls. */
    record MultiArrayCall(String owner, String name, String descriptor, boolean isInterface) { }

    /** Registers a {@code multianewarray} at {@code line} and says what to call instead. */
    @FunctionalInterface
    interface MultiArrays {
        MultiArrayCall replace(String arrayDescriptor, int dimensions, int line);
    }
}
