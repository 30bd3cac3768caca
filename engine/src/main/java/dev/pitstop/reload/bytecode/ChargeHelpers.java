package dev.pitstop.reload.bytecode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The synthetic static methods the work budget adds to one script class, each standing in for
 * one call site: it takes what the call would have taken off the operand stack, charges the cost
 * the member table gives the call (computed from those arguments), then makes the call itself.
 * A method of its own because the arguments sit on the caller's operand stack, out of reach
 * without new locals (and new locals would mean rewriting every stack map frame). Each helper
 * carries its call site's line, so a charge that stops the script names that line.
 *
 * <p>One per class being instrumented; reload thread.
 */
final class ChargeHelpers {

    private static final String PREFIX = "pitstop$";
    private static final String STRING = "java/lang/String";
    /** Characters one primitive operand of a concatenation takes at most ({@code -9.223372036854776E18}). */
    private static final long PRIMITIVE_CHARS = 24;

    /** A method to call instead of the original instruction. */
    record Target(String owner, String name, String descriptor, boolean isInterface) {
        void invoke(MethodVisitor mv) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, descriptor, isInterface);
        }
    }

    private record Helper(String name, String descriptor, int line, Consumer<MethodVisitor> body) { }

    private final String owner;
    private final boolean hostIsInterface;
    private final int version;
    private final MemberResolver resolver;
    private final Map<String, Helper> helpers = new LinkedHashMap<>();

    ChargeHelpers(String owner, boolean hostIsInterface, int version, MemberResolver resolver) {
        this.owner = owner;
        this.hostIsInterface = hostIsInterface;
        this.version = version;
        this.resolver = resolver;
    }

    String owner() {
        return owner;
    }

    /**
     * For {@code invokestatic}/{@code invokevirtual}/{@code invokeinterface} of a charged member:
     * a helper taking the receiver (if any) and the arguments, returning what the call returns.
     */
    Target call(int opcode, String callOwner, String name, String descriptor, boolean isInterface,
            MemberCost.Charged cost, int line) {
        boolean instance = opcode != Opcodes.INVOKESTATIC;
        Type[] args = Type.getArgumentTypes(descriptor);
        Type ret = Type.getReturnType(descriptor);
        List<Type> params = new ArrayList<>();
        if (instance) {
            params.add(Type.getObjectType(callOwner));
        }
        params.addAll(List.of(args));
        String helperDescriptor = Type.getMethodDescriptor(ret, params.toArray(Type[]::new));
        String key = "call " + opcode + " " + callOwner + "." + name + descriptor + " @" + line;
        return add(key, "call", helperDescriptor, line, mv -> {
            CostCode.Slots slots = CostCode.Slots.of(params, instance);
            CostCode.charge(mv, cost, slots);
            slots.loadAll(mv);
            mv.visitMethodInsn(opcode, callOwner, name, descriptor, isInterface);
            if (cost.stream()) {
                CostCode.counted(mv, ret);
            }
            mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        });
    }

    /** For {@code new X(args)} of a charged constructor: a helper taking the arguments and returning the new object. */
    Target construct(String type, String descriptor, MemberCost.Charged cost, int line) {
        List<Type> params = List.of(Type.getArgumentTypes(descriptor));
        String helperDescriptor = Type.getMethodDescriptor(Type.getObjectType(type), params.toArray(Type[]::new));
        return add("new " + type + descriptor + " @" + line, "new", helperDescriptor, line, mv -> {
            CostCode.Slots slots = CostCode.Slots.of(params, false);
            CostCode.charge(mv, cost, slots);
            mv.visitTypeInsn(Opcodes.NEW, type);
            mv.visitInsn(Opcodes.DUP);
            slots.loadAll(mv);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, type, "<init>", descriptor, false);
            mv.visitInsn(Opcodes.ARETURN);
        });
    }

    /**
     * A helper that only charges, from copies of a call's values the caller duplicated on its
     * stack ({@code receiverOnly}: from the receiver alone, which the caller loads).
     */
    Target chargeOnly(List<Type> values, boolean receiverIsFirst, MemberCost.Charged cost, int line) {
        String helperDescriptor = Type.getMethodDescriptor(Type.VOID_TYPE, values.toArray(Type[]::new));
        return add("charge " + helperDescriptor + " " + System.identityHashCode(cost) + " @" + line, "charge",
                helperDescriptor, line, mv -> {
                    CostCode.charge(mv, cost, CostCode.Slots.of(values, receiverIsFirst));
                    mv.visitInsn(Opcodes.RETURN);
                });
    }

    /**
     * A bridge for a lambda or method reference whose implementation is not the scripts' own: the
     * callback the JDK makes runs counted code (a step, the member's charge), then the member.
     *
     * @param cost the member's charge, or null for a constant-time member
     */
    Target bridge(Handle impl, MemberCost.Charged cost, int line) {
        int tag = impl.getTag();
        List<Type> params = new ArrayList<>();
        Type ret;
        boolean instance = tag == Opcodes.H_INVOKEVIRTUAL || tag == Opcodes.H_INVOKEINTERFACE;
        if (instance) {
            params.add(Type.getObjectType(impl.getOwner()));
        }
        params.addAll(List.of(Type.getArgumentTypes(impl.getDesc())));
        ret = tag == Opcodes.H_NEWINVOKESPECIAL ? Type.getObjectType(impl.getOwner()) : Type.getReturnType(impl.getDesc());
        String helperDescriptor = Type.getMethodDescriptor(ret, params.toArray(Type[]::new));
        String key = "ref " + tag + " " + impl.getOwner() + "." + impl.getName() + impl.getDesc() + " @" + line;
        return add(key, "ref", helperDescriptor, line, mv -> {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "step", "()V", false);
            CostCode.Slots slots = CostCode.Slots.of(params, instance);
            if (cost != null) {
                CostCode.charge(mv, cost, slots);
            }
            switch (tag) {
                case Opcodes.H_NEWINVOKESPECIAL -> {
                    mv.visitTypeInsn(Opcodes.NEW, impl.getOwner());
                    mv.visitInsn(Opcodes.DUP);
                    slots.loadAll(mv);
                    mv.visitMethodInsn(Opcodes.INVOKESPECIAL, impl.getOwner(), "<init>", impl.getDesc(), false);
                }
                case Opcodes.H_INVOKESTATIC -> {
                    slots.loadAll(mv);
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, impl.getOwner(), impl.getName(), impl.getDesc(),
                            impl.isInterface());
                }
                case Opcodes.H_INVOKEVIRTUAL, Opcodes.H_INVOKEINTERFACE -> {
                    slots.loadAll(mv);
                    mv.visitMethodInsn(tag == Opcodes.H_INVOKEVIRTUAL ? Opcodes.INVOKEVIRTUAL : Opcodes.INVOKEINTERFACE,
                            impl.getOwner(), impl.getName(), impl.getDesc(), impl.isInterface());
                }
                default -> throw new IllegalArgumentException("a method reference of kind " + tag + " to "
                        + Names.handle(impl) + " is not one the work budget can count");
            }
            if (cost != null && cost.stream()) {
                CostCode.counted(mv, ret);
            }
            mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        });
    }

    /** The handle a lambda's bootstrap should use instead of {@code impl}. */
    Handle bridgeHandle(Target bridge) {
        return new Handle(Opcodes.H_INVOKESTATIC, bridge.owner(), bridge.name(), bridge.descriptor(), bridge.isInterface());
    }

    /**
     * A string concatenation: turns every reference operand into its string first (what the
     * concatenation would do anyway, once), charges the characters about to be copied, then
     * concatenates the strings with the same recipe.
     */
    Target concat(String descriptor, Handle bootstrap, Object[] bootstrapArguments, String name, int line) {
        List<Type> params = List.of(Type.getArgumentTypes(descriptor));
        String helperDescriptor = Type.getMethodDescriptor(Type.getObjectType(STRING), params.toArray(Type[]::new));
        long constantChars = 0;
        for (Object a : bootstrapArguments) {
            if (a instanceof String s) {
                constantChars += s.length();
            }
        }
        long constants = constantChars;
        return add("concat " + descriptor + " " + bootstrapArguments.length + " @" + line + " " + constants, "concat",
                helperDescriptor, line, mv -> {
                    CostCode.Slots slots = CostCode.Slots.of(params, false);
                    List<Type> asStrings = new ArrayList<>();
                    mv.visitLdcInsn(constants);
                    for (int i = 0; i < params.size(); i++) {
                        Type t = params.get(i);
                        int slot = slots.slot(i);
                        if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                            mv.visitVarInsn(Opcodes.ALOAD, slot);
                            mv.visitMethodInsn(Opcodes.INVOKESTATIC, STRING, "valueOf",
                                    "(Ljava/lang/Object;)Ljava/lang/String;", false);
                            mv.visitInsn(Opcodes.DUP);
                            mv.visitVarInsn(Opcodes.ASTORE, slot);
                            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, STRING, "length", "()I", false);
                            mv.visitInsn(Opcodes.I2L);
                            asStrings.add(Type.getObjectType(STRING));
                        } else {
                            mv.visitLdcInsn(PRIMITIVE_CHARS);
                            asStrings.add(t);
                        }
                        mv.visitInsn(Opcodes.LADD);
                    }
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.COSTS, "concat", "(J)V", false);
                    slots.loadAll(mv);
                    mv.visitInvokeDynamicInsn(name, Type.getMethodDescriptor(Type.getObjectType(STRING),
                            asStrings.toArray(Type[]::new)), bootstrap, bootstrapArguments);
                    mv.visitInsn(Opcodes.ARETURN);
                });
    }

    /**
     * A record's {@code toString}, {@code hashCode} or {@code equals} (javac's invokedynamic of
     * ObjectMethods): charged by the weight of the record's reference components, which the
     * JDK's implementation touches, then made as before.
     */
    Target recordMethod(String name, String descriptor, Handle bootstrap, Object[] bootstrapArguments, int line) {
        List<Type> params = List.of(Type.getArgumentTypes(descriptor));
        Type ret = Type.getReturnType(descriptor);
        return add("record " + name + descriptor + " @" + line, "record", descriptor, line, mv -> {
            CostCode.Slots slots = CostCode.Slots.of(params, false);
            mv.visitLdcInsn(1L);
            for (Object a : bootstrapArguments) {
                if (a instanceof Handle getter && getter.getTag() == Opcodes.H_GETFIELD
                        && Type.getType(getter.getDesc()).getSort() >= Type.ARRAY) {
                    mv.visitVarInsn(Opcodes.ALOAD, 0);
                    mv.visitFieldInsn(Opcodes.GETFIELD, getter.getOwner(), getter.getName(), getter.getDesc());
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.COSTS, "deep", "(Ljava/lang/Object;)J",
                            false);
                    mv.visitInsn(Opcodes.LADD);
                }
            }
            if (name.equals("equals")) {
                mv.visitInsn(Opcodes.ICONST_2);
                mv.visitInsn(Opcodes.I2L);
                mv.visitInsn(Opcodes.LMUL);
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "charge", "(J)V", false);
            slots.loadAll(mv);
            mv.visitInvokeDynamicInsn(name, descriptor, bootstrap, bootstrapArguments);
            mv.visitInsn(ret.getOpcode(Opcodes.IRETURN));
        });
    }

    /**
     * {@code multianewarray} moved into a method of its own: hands the sizes to the budget as an
     * int array, then allocates.
     */
    Target multiArray(String arrayDescriptor, int dimensions, int line) {
        String helperDescriptor = "(" + "I".repeat(dimensions) + ")" + arrayDescriptor;
        int elementBytes = elementBytes(Type.getType(arrayDescriptor).getElementType());
        return add("multi " + arrayDescriptor + dimensions + " @" + line, "newArray", helperDescriptor, line, mv -> {
            push(mv, dimensions);
            mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_INT);
            for (int i = 0; i < dimensions; i++) {
                mv.visitInsn(Opcodes.DUP);
                push(mv, i);
                mv.visitVarInsn(Opcodes.ILOAD, i);
                mv.visitInsn(Opcodes.IASTORE);
            }
            push(mv, elementBytes);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, BudgetInstrumenter.RUNTIME, "multiArray", "([II)V", false);
            for (int i = 0; i < dimensions; i++) {
                mv.visitVarInsn(Opcodes.ILOAD, i);
            }
            mv.visitMultiANewArrayInsn(arrayDescriptor, dimensions);
            mv.visitInsn(Opcodes.ARETURN);
        });
    }

    /** The bytes one element of this type takes in an array. */
    static int elementBytes(Type element) {
        return switch (element.getSort()) {
            case Type.BOOLEAN, Type.BYTE -> 1;
            case Type.CHAR, Type.SHORT -> 2;
            case Type.INT, Type.FLOAT -> 4;
            default -> 8;
        };
    }

    private Target add(String key, String kind, String descriptor, int line, Consumer<MethodVisitor> body) {
        Helper h = helpers.get(key);
        if (h == null) {
            if (hostIsInterface && version < Opcodes.V1_8) {
                throw new IllegalArgumentException("an interface compiled for Java 7 or older cannot carry the budget's "
                        + "helper methods; compile it for Java 8 or newer");
            }
            h = new Helper(PREFIX + kind + "$" + helpers.size(), descriptor, line, body);
            helpers.put(key, h);
        }
        return new Target(owner, h.name(), h.descriptor(), hostIsInterface);
    }

    /** Writes every helper asked for into the class. */
    void writeAll(ClassVisitor cv) {
        int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | (hostIsInterface ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE);
        for (Helper h : helpers.values()) {
            MethodVisitor mv = cv.visitMethod(access, h.name(), h.descriptor(), null, null);
            mv.visitCode();
            Label start = new Label();
            mv.visitLabel(start);
            if (h.line() > 0) {
                mv.visitLineNumber(h.line(), start); // so a charge that stops the script names the call's line
            }
            h.body().accept(mv);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
    }

    private static void push(MethodVisitor mv, int value) {
        if (value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }

}
