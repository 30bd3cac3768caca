package dev.pitstop.reload.bytecode;

import java.util.List;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Compiles a member's cost from the scripts' member table into the bytecode that charges it: the
 * cost expression over the call's arguments (held in a helper's parameters, see {@link Slots}),
 * then {@code WorkBudget.charge}; also the wrapping that counts a stream source's elements.
 * Stateless; reload thread.
 */
final class CostCode {

    private CostCode() {
    }

    /** Charges a cost that reads no argument, where the call is. */
    static void chargeConstant(MethodVisitor mv, MemberCost.Charged cost) {
        long work = cost.work() == null ? 0 : cost.work().constant();
        long alloc = cost.alloc() == null ? 0 : cost.alloc().constant();
        mv.visitLdcInsn(work);
        if (alloc > 0) {
            mv.visitLdcInsn(alloc);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "charge", "(JJ)V", false);
        } else {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "charge", "(J)V", false);
        }
    }

    /** Wraps the stream on the stack so that every element that comes out of it is charged. */
    static void counted(MethodVisitor mv, Type streamType) {
        String d = streamType.getDescriptor();
        switch (d) {
            case "Ljava/util/stream/Stream;", "Ljava/util/stream/IntStream;", "Ljava/util/stream/LongStream;",
                    "Ljava/util/stream/DoubleStream;" ->
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.COSTS, "counted", "(" + d + ")" + d, false);
            default -> throw new IllegalArgumentException("a stream source returning " + streamType.getClassName()
                    + " cannot be counted");
        }
    }

    static void charge(MethodVisitor mv, MemberCost.Charged cost, Slots slots) {
        if (cost.work() == null && cost.alloc() == null) {
            return;
        }
        emit(mv, cost.work() == null ? new CostExpression.Number(0) : cost.work(), slots);
        if (cost.alloc() != null) {
            emit(mv, cost.alloc(), slots);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "charge", "(JJ)V", false);
        } else {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "charge", "(J)V", false);
        }
    }

    /** Pushes the expression's value as a long. */
    private static void emit(MethodVisitor mv, CostExpression e, Slots slots) {
        if (e instanceof CostExpression.Number n) {
            mv.visitLdcInsn(n.value());
        } else if (e instanceof CostExpression.Value v) {
            slots.loadAsLong(mv, v.parameter());
        } else if (e instanceof CostExpression.Reference r) {
            if (r.parameter() == CostExpression.Reference.NULL) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            } else {
                slots.loadReference(mv, r.parameter());
            }
        } else if (e instanceof CostExpression.Binary b) {
            emit(mv, b.left(), slots);
            emit(mv, b.right(), slots);
            String op = switch (b.operator()) {
                case '+' -> "add";
                case '-' -> "sub";
                case '*' -> "mul";
                default -> "div";
            };
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.COSTS, op, "(JJ)J", false);
        } else if (e instanceof CostExpression.Call c) {
            switch (c.function()) {
                case "log" -> {
                    emit(mv, c.arguments().get(0), slots);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.COSTS, "log", "(J)J", false);
                }
                case "grow" -> {
                    emit(mv, c.arguments().get(0), slots);
                    emit(mv, c.arguments().get(1), slots);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.COSTS, "grow", "(Ljava/lang/Object;J)J", false);
                }
                case "hashCapacity" -> {
                    int capacity = ((CostExpression.Reference) c.arguments().get(0)).parameter();
                    int factor = ((CostExpression.Reference) c.arguments().get(1)).parameter();
                    slots.loadAsLong(mv, capacity);
                    slots.load(mv, factor);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.COSTS, "hashCapacity", "(JF)J", false);
                }
                default -> {
                    StringBuilder d = new StringBuilder("(");
                    for (CostExpression a : c.arguments()) {
                        emit(mv, a, slots);
                        d.append("Ljava/lang/Object;");
                    }
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.COSTS, c.function(), d + ")J", false);
                }
            }
        }
    }

    /** Where a helper's parameters are: the receiver (parameter -1, if any) and the call's arguments. */
    record Slots(List<Type> types, boolean receiver, int[] slots) {

        static Slots of(List<Type> types, boolean receiver) {
            int[] slots = new int[types.size()];
            int next = 0;
            for (int i = 0; i < types.size(); i++) {
                slots[i] = next;
                next += types.get(i).getSize();
            }
            return new Slots(types, receiver, slots);
        }

        /** The local slot of argument {@code parameter} (-1: the receiver). */
        int slot(int index) {
            return slots[index];
        }

        private int index(int parameter) {
            int i = parameter == CostExpression.Reference.THIS ? 0 : parameter + (receiver ? 1 : 0);
            if (parameter == CostExpression.Reference.THIS && !receiver || i >= types.size()) {
                throw new IllegalArgumentException("the member's cost names an argument the call does not have");
            }
            return i;
        }

        void load(MethodVisitor mv, int parameter) {
            int i = index(parameter);
            mv.visitVarInsn(types.get(i).getOpcode(Opcodes.ILOAD), slots[i]);
        }

        void loadReference(MethodVisitor mv, int parameter) {
            int i = index(parameter);
            int sort = types.get(i).getSort();
            if (sort != Type.OBJECT && sort != Type.ARRAY) {
                throw new IllegalArgumentException("the member's cost takes the size of a " + types.get(i).getClassName());
            }
            mv.visitVarInsn(Opcodes.ALOAD, slots[i]);
        }

        void loadAsLong(MethodVisitor mv, int parameter) {
            int i = index(parameter);
            Type t = types.get(i);
            mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slots[i]);
            switch (t.getSort()) {
                case Type.INT, Type.SHORT, Type.BYTE, Type.CHAR -> mv.visitInsn(Opcodes.I2L);
                case Type.LONG -> { }
                case Type.FLOAT -> mv.visitInsn(Opcodes.F2L);
                case Type.DOUBLE -> mv.visitInsn(Opcodes.D2L);
                default -> throw new IllegalArgumentException("the member's cost takes the value of a " + t.getClassName());
            }
        }

        void loadAll(MethodVisitor mv) {
            for (int i = 0; i < types.size(); i++) {
                mv.visitVarInsn(types.get(i).getOpcode(Opcodes.ILOAD), slots[i]);
            }
        }
    }
}
