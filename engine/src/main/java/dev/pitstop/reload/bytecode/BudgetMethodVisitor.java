package dev.pitstop.reload.bytecode;

import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Instruments one method for {@link BudgetInstrumenter}. A jump to a label already visited is a
 * back-edge (every loop in the code's layout has one); the entry step and a handler's step go in
 * front of the first real instruction after the method's (or handler's) label, line number and
 * frame, so that they sit on the right line and after the frame that describes them.
 */
final class BudgetMethodVisitor extends MethodVisitor {

    private final BudgetInstrumenter.MultiArrays multiArrays;
    private final Set<Label> visited = new HashSet<>();
    private final Set<Label> handlers = new HashSet<>();
    private boolean entryPending;
    private boolean handlerPending;
    private int line;

    BudgetMethodVisitor(MethodVisitor next, BudgetInstrumenter.MultiArrays multiArrays) {
        super(Opcodes.ASM9, next);
        this.multiArrays = multiArrays;
    }

    private void step() {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "step", "()V", false);
    }

    /** Emits what waits for the first instruction after a method or handler start. */
    private void beforeInstruction() {
        if (entryPending) {
            entryPending = false;
            step();
        }
        if (handlerPending) {
            // Also what makes the budget's error impossible to swallow: catching it lands here.
            handlerPending = false;
            step();
        }
    }

    @Override
    public void visitCode() {
        super.visitCode();
        entryPending = true;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        handlers.add(handler);
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
        super.visitLabel(label);
        visited.add(label);
        if (handlers.contains(label)) {
            handlerPending = true;
        }
    }

    @Override
    public void visitLineNumber(int lineNumber, Label start) {
        line = lineNumber;
        super.visitLineNumber(lineNumber, start);
    }

    @Override
    public void visitInsn(int opcode) {
        beforeInstruction();
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        beforeInstruction();
        if (opcode == Opcodes.NEWARRAY) {
            arrayLength();
        }
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        beforeInstruction();
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        beforeInstruction();
        if (opcode == Opcodes.ANEWARRAY) {
            arrayLength();
        }
        super.visitTypeInsn(opcode, type);
    }

    private void arrayLength() {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "arrayLength", "(I)I", false);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        beforeInstruction();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        beforeInstruction();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
            Object... bootstrapMethodArguments) {
        beforeInstruction();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        beforeInstruction();
        if (visited.contains(label)) {
            step();
        }
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        beforeInstruction();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        beforeInstruction();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        beforeInstruction();
        if (anyVisited(dflt, labels)) {
            step();
        }
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        beforeInstruction();
        if (anyVisited(dflt, labels)) {
            step();
        }
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    private boolean anyVisited(Label dflt, Label[] labels) {
        if (visited.contains(dflt)) {
            return true;
        }
        for (Label l : labels) {
            if (visited.contains(l)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        beforeInstruction();
        BudgetInstrumenter.MultiArrayCall call = multiArrays.replace(descriptor, numDimensions, line);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, call.owner(), call.name(), call.descriptor(), call.isInterface());
    }
}
