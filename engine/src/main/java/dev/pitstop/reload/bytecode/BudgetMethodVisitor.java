package dev.pitstop.reload.bytecode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.TypePath;

/**
 * Instruments one method for {@link BudgetInstrumenter}. A jump to a label already visited is a
 * back-edge (every loop in the code's layout has one).
 *
 * <p>The entry step goes before the method's first label, with a line number of its own (the
 * first line's): the original labels must keep pointing at the original instructions, because a
 * stack map frame names an object still being constructed by the label of its {@code new}, and a
 * method may begin with one ({@code new StringBuilder(s == null ? "?" : s)}). A handler's step
 * goes after the handler's label, line number and frame (exceptions arrive at the label), in
 * front of its first instruction.
 *
 * <p>A handler's step must throw out of the method, never into a handler of the same method, or
 * a script could catch the budget's error forever. javac itself protects the first instructions of
 * a {@code finally} handler with that very handler ({@code from 98 to 110 target 108 any}), so
 * every try range is cut around the steps of the handlers inside it: {@code [98, 108)} and
 * {@code [after the step at 108, 110)}. With no step inside any range, the error a step throws
 * leaves the method; in the caller the same holds, and so on out to the engine.
 *
 * <p>Every call in a loop's body adds a unit to the loop's back-edge step (a constant-time JDK
 * call costs that much); what a call costs beyond that is {@link ChargeSites}'s, which runs first.
 */
final class BudgetMethodVisitor extends MethodVisitor {

    private record TryCatch(Label start, Label end, Label handler, String type) { }

    /**
     * What entering an exception handler costs: a caught exception was made (its stack walked) and
     * thrown, which takes microseconds however little script code ran for it.
     */
    static final int HANDLER_UNITS = 256;

    /**
     * Calls and invokedynamic instructions seen so far, in code order (the budget's own calls
     * aside); at each label, how many.
     */
    private int calls;
    private final Map<Label, Integer> callsAt = new HashMap<>();
    private final List<HandlerLayout.Cuts> cuts;
    private final Set<Label> visited = new HashSet<>();
    private final Set<Label> handlers = new HashSet<>();
    private final List<TryCatch> tryCatches = new ArrayList<>();
    /** For a handler label: where ranges resume, right after its step. */
    private final Map<Label, Label> afterStep = new HashMap<>();
    /** Labels, line numbers and frames before the first instruction, held until the entry step is in. */
    private final List<Runnable> beforeFirst = new ArrayList<>();
    private boolean entryPending;
    private Label handlerPending;
    private int firstLine;
    private int line;

    BudgetMethodVisitor(MethodVisitor next, List<HandlerLayout.Cuts> cuts) {
        super(Opcodes.ASM9, next);
        this.cuts = cuts;
    }

    private void step() {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "step", "()V", false);
    }

    private void steps(int units) {
        if (units <= 1) {
            step();
            return;
        }
        super.visitLdcInsn(units);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "steps", "(I)V", false);
    }

    /** Emits what waits for the first instruction after a method or handler start. */
    private void beforeInstruction() {
        flushTryCatches();
        if (entryPending) {
            entryPending = false;
            Label entry = new Label();
            super.visitLabel(entry);
            if (firstLine > 0) {
                super.visitLineNumber(firstLine, entry); // an overrun at entry names the method's first line
            }
            step();
            beforeFirst.forEach(Runnable::run);
            beforeFirst.clear();
        }
        if (handlerPending != null) {
            // Also what makes the budget's error impossible to swallow: catching it lands here.
            steps(HANDLER_UNITS);
            Label resume = afterStep.get(handlerPending);
            if (resume != null) {
                super.visitLabel(resume);
            }
            handlerPending = null;
        }
    }

    @Override
    public void visitCode() {
        super.visitCode();
        entryPending = true;
    }

    /** Held back until the code begins, then written cut around the handler steps inside each range. */
    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        handlers.add(handler);
        tryCatches.add(new TryCatch(start, end, handler, type));
    }

    private void flushTryCatches() {
        if (tryCatches.isEmpty()) {
            return;
        }
        for (int k = 0; k < tryCatches.size(); k++) {
            TryCatch t = tryCatches.get(k);
            HandlerLayout.Cuts c = k < cuts.size() ? cuts.get(k) : HandlerLayout.Cuts.NONE;
            Label from = t.start();
            for (int i = 0; i < c.handlers().size(); i++) {
                Label handler = tryCatches.get(c.handlers().get(i)).handler();
                if (i > 0 || !c.atStart()) {
                    super.visitTryCatchBlock(from, handler, t.handler(), t.type());
                }
                from = afterStep.computeIfAbsent(handler, h -> new Label());
            }
            super.visitTryCatchBlock(from, t.end(), t.handler(), t.type());
        }
        tryCatches.clear();
    }

    /**
     * Dropped: a type annotation on a catch clause names its entry by index in the exception
     * table, which the cuts renumber, and scripts cannot read annotations anyway (no reflection).
     */
    @Override
    public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
            boolean visible) {
        return null;
    }

    @Override
    public void visitLabel(Label label) {
        flushTryCatches();
        if (entryPending) {
            beforeFirst.add(() -> super.visitLabel(label));
        } else {
            super.visitLabel(label);
        }
        visited.add(label);
        callsAt.put(label, calls);
        if (handlers.contains(label)) {
            handlerPending = label;
        }
    }

    @Override
    public void visitLineNumber(int lineNumber, Label start) {
        line = lineNumber;
        if (entryPending) {
            if (firstLine == 0) {
                firstLine = lineNumber;
            }
            beforeFirst.add(() -> super.visitLineNumber(lineNumber, start));
        } else {
            super.visitLineNumber(lineNumber, start);
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        flushTryCatches();
        if (entryPending) {
            beforeFirst.add(() -> super.visitFrame(type, numLocal, local, numStack, stack));
        } else {
            super.visitFrame(type, numLocal, local, numStack, stack);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        beforeInstruction();
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        beforeInstruction();
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
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        beforeInstruction();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        beforeInstruction();
        if (!owner.equals(BudgetInstrumenter.RUNTIME) && !owner.equals(BudgetInstrumenter.COSTS)) {
            calls++;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
            Object... bootstrapMethodArguments) {
        beforeInstruction();
        calls++;
        super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        beforeInstruction();
        if (visited.contains(label)) {
            // One unit for the iteration, one for every call in the loop's body.
            steps(1 + Math.max(0, calls - callsAt.getOrDefault(label, calls)));
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
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }
}
