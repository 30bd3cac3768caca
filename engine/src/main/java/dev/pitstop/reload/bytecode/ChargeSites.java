package dev.pitstop.reload.bytecode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Prices what one method calls and allocates, before {@link BudgetMethodVisitor} counts its
 * steps: an array allocation is charged by its bytes, a JDK call the scripts' member table charges
 * by its arguments goes through a helper ({@link ChargeHelpers}) that charges and then calls, a
 * stream source comes back counted, a method reference to a JDK member goes through a counted
 * bridge, a string concatenation or a record's own method is charged by what it touches.
 *
 * <p>A charged {@code new X(args)} becomes a helper that returns the new object; the object the
 * original {@code new} made is left uninitialized and popped ({@code dup_x2; pop; pop2}), so the
 * frames between {@code new} and the constructor call stay as javac wrote them. A call that
 * cannot move into a helper (a super or this constructor, a super method) is charged in place from
 * copies of what its cost reads.
 */
final class ChargeSites extends MethodVisitor {

    /** A {@code new} whose constructor call has not come yet, and whether a {@code dup} followed it. */
    private static final class NewSite {
        final String type;
        boolean dupped;

        NewSite(String type) {
            this.type = type;
        }
    }

    private final ChargeHelpers helpers;
    private final MemberResolver resolver;
    private final Deque<NewSite> news = new ArrayDeque<>();
    private NewSite justMade;
    private int line;

    ChargeSites(MethodVisitor next, ChargeHelpers helpers, MemberResolver resolver) {
        super(Opcodes.ASM9, next);
        this.helpers = helpers;
        this.resolver = resolver;
    }

    @Override
    public void visitLineNumber(int lineNumber, Label start) {
        line = lineNumber;
        super.visitLineNumber(lineNumber, start);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.DUP && justMade != null) {
            justMade.dupped = true;
        }
        justMade = null;
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        justMade = null;
        if (opcode == Opcodes.NEWARRAY) {
            arrayLength(switch (operand) {
                case Opcodes.T_BOOLEAN, Opcodes.T_BYTE -> 1;
                case Opcodes.T_CHAR, Opcodes.T_SHORT -> 2;
                case Opcodes.T_INT, Opcodes.T_FLOAT -> 4;
                default -> 8;
            });
        }
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        justMade = null;
        if (opcode == Opcodes.ANEWARRAY) {
            arrayLength(8);
        }
        super.visitTypeInsn(opcode, type);
        if (opcode == Opcodes.NEW) {
            NewSite site = new NewSite(type);
            news.push(site);
            justMade = site;
        }
    }

    private void arrayLength(int elementBytes) {
        super.visitLdcInsn(elementBytes);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "arrayLength", "(II)I", false);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        justMade = null;
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        justMade = null;
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        justMade = null;
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        justMade = null;
        super.visitLdcInsn(value);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        justMade = null;
        boolean init = name.equals("<init>");
        NewSite site = null;
        if (init && opcode == Opcodes.INVOKESPECIAL && !news.isEmpty() && news.peek().type.equals(owner)) {
            site = news.pop();
        }
        if (owner.startsWith("[") && name.equals("clone")) {
            super.visitInsn(Opcodes.DUP);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.COSTS, "arrayClone", "(Ljava/lang/Object;)V", false);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        MemberResolver.Found found = resolver.method(owner, name, descriptor);
        if (found == null || found == MemberResolver.OWN || !(found.cost() instanceof MemberCost.Charged cost)) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        if (!cost.readsArguments()) {
            if (cost.chargesBefore()) {
                CostCode.chargeConstant(mv, cost);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        } else if (init && site != null && site.dupped) {
            helpers.construct(owner, descriptor, cost, line).invoke(mv);
            // [new, new, made] -> [made]: the uninitialized pair from the original new is dropped.
            super.visitInsn(Opcodes.DUP_X2);
            super.visitInsn(Opcodes.POP);
            super.visitInsn(Opcodes.POP2);
            return;
        } else if (opcode == Opcodes.INVOKESPECIAL) {
            chargeInPlace(owner, name, descriptor, cost, site != null);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        } else {
            helpers.call(opcode, owner, name, descriptor, isInterface, cost, line).invoke(mv);
            return;
        }
        if (cost.stream()) {
            CostCode.counted(mv, Type.getReturnType(descriptor));
        }
    }

    /**
     * Charges a call that cannot move into a helper (a super or this constructor, a super method,
     * a {@code new} not followed by {@code dup}) from copies of what the charge reads: the
     * receiver ({@code this}, in local 0), or up to two words of arguments duplicated on the stack.
     */
    private void chargeInPlace(String owner, String name, String descriptor, MemberCost.Charged cost, boolean lonelyNew) {
        Type[] args = Type.getArgumentTypes(descriptor);
        String what = Names.method(owner, name, descriptor);
        if (cost.readsReceiver() && cost.readsParameters() || cost.readsReceiver() && (name.equals("<init>") || lonelyNew)) {
            throw new IllegalArgumentException("the cost of " + what + " cannot be charged at this call");
        }
        if (cost.readsReceiver()) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            helpers.chargeOnly(List.of(Type.getObjectType(owner)), true, cost, line).invoke(mv);
            return;
        }
        int words = 0;
        for (Type t : args) {
            words += t.getSize();
        }
        if (words == 1) {
            super.visitInsn(Opcodes.DUP);
        } else if (words == 2) {
            super.visitInsn(Opcodes.DUP2);
        } else {
            throw new IllegalArgumentException("the cost of " + what + " depends on more arguments than the work budget "
                    + "can read at a constructor or super call");
        }
        helpers.chargeOnly(List.of(args), false, cost, line).invoke(mv);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
            Object... bootstrapMethodArguments) {
        justMade = null;
        String bootstrap = bootstrapMethodHandle.getOwner() + "." + bootstrapMethodHandle.getName();
        Object[] args = bootstrapMethodArguments;
        if (bootstrapMethodHandle.getOwner().equals(SandboxPolicy.LAMBDA_METAFACTORY) && args.length >= 2
                && args[1] instanceof Handle impl && !resolver.isScript(impl.getOwner())) {
            // A method reference to a JDK member: the JDK's callbacks must run counted code too.
            MemberResolver.Found f = resolver.method(impl.getOwner(), impl.getName(), impl.getDesc());
            MemberCost.Charged cost = f != null && f.cost() instanceof MemberCost.Charged c ? c : null;
            args = args.clone();
            args[1] = helpers.bridgeHandle(helpers.bridge(impl, cost, line));
        } else if (bootstrap.startsWith("java/lang/invoke/StringConcatFactory.")) {
            helpers.concat(descriptor, bootstrapMethodHandle, args, name, line).invoke(mv);
            return;
        } else if (bootstrap.equals("java/lang/runtime/ObjectMethods.bootstrap")) {
            helpers.recordMethod(name, descriptor, bootstrapMethodHandle, args, line).invoke(mv);
            return;
        }
        super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, args);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        justMade = null;
        helpers.multiArray(descriptor, numDimensions, line).invoke(mv);
    }
}
