package dev.pitstop.reload.bytecode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Where each method's exception handlers begin relative to its try ranges, read in a first pass
 * over a class because a method's try-catch entries come before its code: for every entry, the
 * handlers (by entry index) whose first instruction lies inside its range, in code order. The
 * instrumenter cuts each such range around those handlers' steps (see
 * {@link BudgetMethodVisitor}). Methods are listed in the order a {@link ClassReader} visits them,
 * entries in exception-table order. Immutable once read; any thread.
 */
final class HandlerLayout {

    /**
     * For one try-catch entry: the handlers inside its range, by entry index and in code order
     * (one per position), and whether the first of them sits right at the range's start.
     */
    record Cuts(List<Integer> handlers, boolean atStart) {
        static final Cuts NONE = new Cuts(List.of(), false);
    }

    private final List<List<Cuts>> methods = new ArrayList<>();

    HandlerLayout(ClassReader reader) {
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                List<Cuts> cuts = new ArrayList<>();
                methods.add(cuts);
                return new Positions(cuts);
            }
        }, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
    }

    /** The cuts of the {@code method}-th method visited, one per try-catch entry. */
    List<Cuts> method(int method) {
        return methods.get(method);
    }

    /** Counts instructions to place every label, then works out the cuts. */
    private static final class Positions extends MethodVisitor {

        private record Entry(Label start, Label end, Label handler) { }

        private final List<Cuts> out;
        private final List<Entry> entries = new ArrayList<>();
        private final Map<Label, Integer> position = new HashMap<>();
        private int count;

        Positions(List<Cuts> out) {
            super(Opcodes.ASM9);
            this.out = out;
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            entries.add(new Entry(start, end, handler));
        }

        @Override
        public void visitLabel(Label label) {
            position.put(label, count);
        }

        @Override
        public void visitEnd() {
            for (Entry e : entries) {
                int from = position.get(e.start());
                int to = position.get(e.end());
                TreeMap<Integer, Integer> inside = new TreeMap<>();
                for (int j = 0; j < entries.size(); j++) {
                    int at = position.get(entries.get(j).handler());
                    if (at >= from && at < to) {
                        inside.putIfAbsent(at, j);
                    }
                }
                out.add(inside.isEmpty() ? Cuts.NONE
                        : new Cuts(List.copyOf(inside.values()), inside.firstKey() == from));
            }
        }

        @Override
        public void visitInsn(int opcode) {
            count++;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            count++;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            count++;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            count++;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            count++;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            count++;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            count++;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            count++;
        }

        @Override
        public void visitLdcInsn(Object value) {
            count++;
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            count++;
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            count++;
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            count++;
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            count++;
        }
    }
}
