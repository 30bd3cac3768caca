package dev.pitstop.reload.bytecode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The sandbox's check of one attempt's script classes, before any of them is loaded: every
 * instruction that names a class or member outside the scripts' own classes (method and field
 * instructions, type instructions, constants, invokedynamic bootstrap methods and their arguments,
 * which is where method references hide) and every super type is held against
 * {@link SandboxPolicy}. Also refused: {@code synchronized} blocks and methods, native methods,
 * and {@code jsr}/{@code ret} (the work budget's instrumentation does not follow subroutines).
 * Reload thread.
 */
public final class SandboxScanner {

    /** Enough to show a user the pattern without flooding the log. */
    public static final int MAX_VIOLATIONS = 20;

    private final ScriptShapes scripts;
    private final MemberResolver members;
    private final Set<SandboxViolation> found = new LinkedHashSet<>();
    /** Class, line and denied class (or member) reported: {@code new Thread(r).start()} is one finding, not three. */
    private final Set<String> reported = new HashSet<>();

    private SandboxScanner(ScriptShapes scripts) {
        this.scripts = scripts;
        this.members = new MemberResolver(scripts);
    }

    /**
     * Every violation in {@code classes} (at most {@link #MAX_VIOLATIONS} + 1, so a caller can
     * tell there were more), in class name order, each class in code order.
     *
     * @param classes class bytes by binary name: all the script classes of one attempt
     */
    public static List<SandboxViolation> scan(Map<String, byte[]> classes) {
        return scan(classes, MAX_VIOLATIONS + 1);
    }

    static List<SandboxViolation> scan(Map<String, byte[]> classes, int limit) {
        return scan(new ScriptShapes(classes), classes, limit);
    }

    /** Scans {@code toScan}, some of the classes whose outlines are {@code shapes}. */
    static List<SandboxViolation> scan(ScriptShapes shapes, Map<String, byte[]> toScan, int limit) {
        SandboxScanner scanner = new SandboxScanner(shapes);
        for (byte[] bytes : new TreeMap<>(toScan).values()) {
            if (scanner.found.size() >= limit) {
                break;
            }
            new ClassReader(bytes).accept(scanner.new ClassScan(), ClassReader.SKIP_FRAMES);
        }
        return List.copyOf(scanner.found).subList(0, Math.min(scanner.found.size(), limit));
    }

    private final class ClassScan extends ClassVisitor {

        private String className;

        ClassScan() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name;
            if (superName != null) {
                checkType(superName, 0, "extends");
            }
            for (String i : interfaces == null ? new String[0] : interfaces) {
                checkType(i, 0, "implements");
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodScan scan = new MethodScan(className);
            if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                scan.atFirstLine("declares synchronized method " + name + ", which scripts may not use ("
                        + SandboxPolicy.MONITOR + ")");
            }
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                report(className, 0, "declares native method " + name + ", which scripts may not use ("
                        + SandboxPolicy.OUTSIDE + ")");
            }
            return scan;
        }

        private void checkType(String type, int line, String verb) {
            SandboxScanner.this.checkType(className, line, type, verb, "");
        }
    }

    private final class MethodScan extends MethodVisitor {

        private final String className;
        private final List<String> waitingForLine = new ArrayList<>();
        private int line;

        MethodScan(String className) {
            super(Opcodes.ASM9);
            this.className = className;
        }

        void atFirstLine(String message) {
            waitingForLine.add(message);
        }

        private void deny(String message) {
            report(className, line, message);
        }

        @Override
        public void visitLineNumber(int lineNumber, Label start) {
            line = lineNumber;
            for (String m : waitingForLine) {
                deny(m);
            }
            waitingForLine.clear();
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == Opcodes.MONITORENTER) {
                deny("uses a synchronized block, which scripts may not use (" + SandboxPolicy.MONITOR + ")");
            }
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            if (opcode == Opcodes.RET) {
                oldSubroutines();
            }
        }

        private void oldSubroutines() {
            deny("uses jsr/ret subroutines, which scripts may not use (old bytecode the work budget cannot follow; "
                    + "compile with a current javac)");
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            checkType(className, line, type, opcode == Opcodes.NEW ? "creates" : "uses", "");
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            boolean reads = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
            checkField(className, line, owner, name, reads ? "reads" : "writes", "");
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            checkMethod(className, line, owner, name, descriptor, "calls", "");
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (!SandboxPolicy.bootstrapAllowed(bootstrap)) {
                deny("uses invokedynamic with bootstrap method " + Names.method(bootstrap.getOwner(), bootstrap.getName(),
                        bootstrap.getDesc()) + ", which scripts may not use (only the bootstraps javac emits for "
                        + "lambdas, string concatenation, records and switches are allowed)");
                return;
            }
            if (bootstrap.getOwner().equals(SandboxPolicy.LAMBDA_METAFACTORY)) {
                // A lambda is a class implementing its interface: the interface must be one scripts may implement.
                checkType(className, line, Type.getReturnType(descriptor).getInternalName(), "implements", " (in a lambda)");
            }
            for (Object argument : arguments) {
                checkConstant(argument, "refers to", " (in a lambda or method reference)");
            }
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (opcode == Opcodes.JSR) {
                oldSubroutines();
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            checkConstant(value, "loads", "");
        }

        private void checkConstant(Object value, String verb, String where) {
            if (value instanceof Type t) {
                if (t.getSort() == Type.METHOD) {
                    if (!verb.equals("refers to")) {
                        deny("loads a method type constant, which scripts may not use (" + SandboxPolicy.REFLECTION + ")");
                    }
                } else {
                    checkType(className, line, t.getInternalName(), "uses", where);
                }
            } else if (value instanceof Handle h) {
                if (verb.equals("loads")) {
                    deny("loads a method handle constant for " + Names.handle(h) + ", which scripts may not use ("
                            + SandboxPolicy.REFLECTION + ")");
                } else if (h.getTag() <= Opcodes.H_PUTSTATIC) {
                    checkField(className, line, h.getOwner(), h.getName(), verb, where);
                } else {
                    checkMethod(className, line, h.getOwner(), h.getName(), h.getDesc(), verb, where);
                }
            } else if (value instanceof ConstantDynamic c) {
                deny("uses a dynamic constant (" + c.getName() + "), which scripts may not use (javac does not emit "
                        + "them for Java 17 code)");
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            checkType(className, line, descriptor, "creates", "");
        }

        @Override
        public void visitEnd() {
            for (String m : waitingForLine) {
                deny(m);
            }
        }
    }

    private void report(String className, int line, String message) {
        report(className, line, message, message);
    }

    private void report(String className, int line, String subject, String message) {
        if (reported.add(className + ":" + line + ":" + subject)) {
            found.add(new SandboxViolation(className.replace('/', '.'), line, message));
        }
    }

    /** A class named in code: a script's own, or one the policy allows. */
    private void checkType(String className, int line, String type, String verb, String where) {
        String element = elementType(type);
        if (element == null || scripts.isScript(element)) {
            return;
        }
        String reason = SandboxPolicy.classDenial(element);
        if (reason != null && !unknown(element, reason)) {
            report(className, line, element, verb + " " + Names.type(element) + where + ", which scripts may not use ("
                    + reason + ")");
        }
    }

    private void checkField(String className, int line, String owner, String name, String verb, String where) {
        String element = elementType(owner);
        if (element == null || scripts.isScript(element)) {
            return; // fields above a script class in the JDK carry no rules
        }
        String reason = SandboxPolicy.classDenial(element);
        if (reason == null && members.field(element, name) instanceof MemberCost.Refused r) {
            reason = r.reason();
        }
        if (reason != null && !unknown(element, reason)) {
            report(className, line, element + "." + name, verb + " " + Names.type(owner) + "." + name + where
                    + ", which scripts may not use (" + reason + ")");
        }
    }

    /**
     * A method or constructor named in code: a script's own, or one the member table lists and
     * does not refuse. For a class scripts may not use at all, the class's reason; for a member
     * the table does not list, that no cost is known for it.
     */
    private void checkMethod(String className, int line, String owner, String name, String descriptor, String verb,
            String where) {
        String text = Names.method(owner, name, descriptor);
        if (owner.startsWith("[")) {
            checkType(className, line, owner, "uses", where);
        } else if (!scripts.isScript(owner)) {
            String reason = SandboxPolicy.classDenial(owner);
            if (reason != null) {
                String own = SandboxPolicy.memberDenial(owner, name);
                if (!unknown(owner, reason)) {
                    report(className, line, owner, verb + " " + text + where + ", which scripts may not use ("
                            + (own != null ? own : reason) + ")");
                }
                return;
            }
        }
        MemberResolver.Found f = members.method(owner, name, descriptor);
        String reason = f == null ? SandboxPolicy.NOT_LISTED
                : f.cost() instanceof MemberCost.Refused r ? r.reason() : null;
        if (reason != null) {
            report(className, line, text, verb + " " + text + where + ", which scripts may not use (" + reason + ")");
        }
    }

    /**
     * A class in no known package that does not exist: a missing script class, most likely, which
     * the loader reports as missing (a clearer message than "not allowed").
     */
    private static boolean unknown(String internalName, String reason) {
        return reason.equals(SandboxPolicy.NOT_LISTED) && !LibraryTypes.exists(internalName);
    }

    /** The class an array type is made of, the type itself if it is no array, or null for primitives. */
    private static String elementType(String type) {
        if (!type.startsWith("[")) {
            return type;
        }
        Type element = Type.getType(type).getElementType();
        return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
    }
}
