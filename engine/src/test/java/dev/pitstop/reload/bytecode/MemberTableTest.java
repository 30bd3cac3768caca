package dev.pitstop.reload.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pitstop.guard.BudgetExceeded;
import dev.pitstop.guard.Costs;
import dev.pitstop.guard.WorkBudget;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.Stack;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Vector;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks generated from the scripts' member table itself: it covers every member of every class it
 * lists, it names only members that exist, and every member it charges by a size, called with a
 * huge one through instrumented code, is stopped before the member runs.
 */
class MemberTableTest {

    /** What a call may use here: far less than any huge size costs. */
    private static final long SMALL_BUDGET = 10_000;
    /** Elements of a big collection or array of objects; characters and primitives come 16 to a unit, so ten times more. */
    private static final int BIG = 200_000;

    private static final java.util.concurrent.atomic.AtomicInteger EXERCISED = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterAll
    static void mostSizedMembersWereCalledWithAHugeSize() {
        if (EXERCISED.get() > 0) {
            System.out.println("members stopped before they ran: " + EXERCISED.get());
            assertTrue(EXERCISED.get() > 900, "most charged members get a huge size here: " + EXERCISED.get());
        }
    }

    @AfterEach
    void endRun() {
        WorkBudget.end();
    }

    private static final MemberTable TABLE = MemberTable.get();

    private static boolean isLibrary(String className) {
        return className.startsWith("org.joml.") || className.startsWith("dev.pitstop.api.");
    }

    private static String owner(MemberTable.Line line) {
        String m = line.member();
        int paren = m.indexOf('(');
        String head = paren < 0 ? m : m.substring(0, paren);
        return head.substring(0, head.lastIndexOf('.'));
    }

    private static String key(Class<?> c, String name, Class<?>[] params) {
        StringBuilder sb = new StringBuilder(c.getName()).append('.').append(name).append('(');
        for (int i = 0; i < params.length; i++) {
            sb.append(i > 0 ? ", " : "").append(params[i].getSimpleName());
        }
        return sb.append(')').toString();
    }

    private static Set<String> listedMembers() {
        Set<String> all = new HashSet<>();
        TABLE.lines().forEach(l -> all.add(l.member()));
        return all;
    }

    private static Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, false, MemberTableTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    @Test
    void everyMemberOfAListedJdkClassHasALine() {
        Set<String> listed = listedMembers();
        Set<String> classes = new java.util.TreeSet<>();
        TABLE.lines().stream().filter(l -> !l.member().endsWith(".*")).map(MemberTableTest::owner)
                .filter(o -> !isLibrary(o)).forEach(classes::add);
        List<String> missing = new ArrayList<>();
        for (String name : classes) {
            Class<?> c = load(name);
            if (c == null) {
                continue; // a class of a newer Java
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers()) && !listed.contains(key(c, "<init>", k.getParameterTypes()))) {
                    missing.add(key(c, "<init>", k.getParameterTypes()));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()
                        && !listed.contains(key(c, m.getName(), m.getParameterTypes()))) {
                    missing.add(key(c, m.getName(), m.getParameterTypes()));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && !listed.contains(c.getName() + "." + f.getName())) {
                    missing.add(c.getName() + "." + f.getName());
                }
            }
        }
        assertEquals(List.of(), missing, "every member of a listed class needs a line of its own (a cost or a refusal)");
    }

    @Test
    void everyLineNamesAMemberThatExists() {
        List<String> unknown = new ArrayList<>();
        for (MemberTable.Line l : TABLE.lines()) {
            if (l.member().endsWith(".*")) {
                assertNotNull(load(owner(l)), "line " + l.number() + ": no class " + owner(l));
                continue;
            }
            if (member(l) == null && !(l.newer() && Runtime.version().feature() < 25)) {
                unknown.add(l.number() + ": " + l.member());
            }
        }
        assertEquals(List.of(), unknown, "lines naming no member of this Java");
    }

    /** The member a line names, or null (a field answers its Field). */
    private static Object member(MemberTable.Line l) {
        Class<?> c = load(owner(l));
        if (c == null) {
            return null;
        }
        String m = l.member();
        int paren = m.indexOf('(');
        String name = (paren < 0 ? m : m.substring(0, paren)).substring(owner(l).length() + 1);
        if (paren < 0) {
            try {
                return c.getField(name);
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
        List<Executable> all = new ArrayList<>(List.of(c.getDeclaredMethods()));
        all.addAll(List.of(c.getDeclaredConstructors()));
        for (Executable e : all) {
            String n = e instanceof Constructor ? "<init>" : e.getName();
            if (n.equals(name) && key(c, n, e.getParameterTypes()).equals(m)) {
                return e;
            }
        }
        return null;
    }

    @Test
    void jomlMembersSizedByAnArrayOrTakingBuffersHaveALineOfTheirOwn() {
        Set<String> listed = listedMembers();
        List<String> missing = new ArrayList<>();
        for (MemberTable.Line l : TABLE.lines()) {
            if (!l.member().endsWith(".*") || l.cost().equals("refuse")) {
                continue;
            }
            Class<?> c = load(owner(l));
            List<Executable> all = new ArrayList<>(List.of(c.getDeclaredMethods()));
            all.addAll(List.of(c.getDeclaredConstructors()));
            for (Executable e : all) {
                if (!Modifier.isPublic(e.getModifiers())) {
                    continue;
                }
                boolean sized = e.getName().endsWith("Address");
                for (Class<?> p : e.getParameterTypes()) {
                    sized |= p.isArray() || p.getName().startsWith("java.nio.") || p.getName().startsWith("java.text.");
                }
                String k = key(c, e instanceof Constructor ? "<init>" : e.getName(), e.getParameterTypes());
                if (sized && !listed.contains(k)) {
                    missing.add(k);
                }
            }
        }
        assertEquals(List.of(), missing, "a class default may only cover fixed-size members");
    }

    @Test
    void everyCostParsesAndNamesOnlyParametersItsMemberHas() {
        for (MemberTable.Line l : TABLE.lines()) {
            MemberCost c = MemberTable.parseCost(l.cost(), l.reason(), parameterCount(l.member()));
            assertTrue(!l.reason().isBlank(), "line " + l.number() + " gives a reason");
            if (c instanceof MemberCost.Charged charged && member(l) instanceof Executable e) {
                boolean isStatic = Modifier.isStatic(e.getModifiers()) || e instanceof Constructor;
                assertTrue(!isStatic || !charged.readsReceiver(), "line " + l.number() + ": a static member has no this");
            }
        }
    }

    private static int parameterCount(String member) {
        int open = member.indexOf('(');
        if (open < 0) {
            return -1;
        }
        String inside = member.substring(open + 1, member.length() - 1).trim();
        return inside.isEmpty() ? 0 : inside.split(",").length;
    }

    /**
     * Every member charged from its arguments or receiver, called with huge ones through
     * instrumented code, is stopped by the charge: the member itself never runs.
     */
    @TestFactory
    Stream<DynamicTest> everyMemberChargedBySizeIsStoppedBeforeItRunsWhenTheSizeIsHuge() {
        List<DynamicTest> tests = new ArrayList<>();
        for (MemberTable.Line l : TABLE.lines()) {
            MemberCost c;
            try {
                c = MemberTable.parseCost(l.cost(), l.reason(), parameterCount(l.member()));
            } catch (IllegalArgumentException e) {
                throw new AssertionError("line " + l.number(), e);
            }
            if (!(c instanceof MemberCost.Charged charged) || !charged.readsArguments()
                    || !(member(l) instanceof Executable e) || !Modifier.isPublic(e.getModifiers())) {
                continue; // a protected member is a subclass's to call, which the script tests cover
            }
            tests.add(DynamicTest.dynamicTest(l.number() + " " + l.member(), () -> stoppedBeforeItRuns(e, charged)));
        }
        assertTrue(tests.size() > 500, "the table charges hundreds of members by size: " + tests.size());
        return tests.stream();
    }

    private static void stoppedBeforeItRuns(Executable member, MemberCost.Charged cost) throws Throwable {
        Class<?> owner = member.getDeclaringClass();
        boolean isStatic = Modifier.isStatic(member.getModifiers()) || member instanceof Constructor;
        Class<?>[] params = member.getParameterTypes();
        Set<Integer> subtracted = new HashSet<>();
        for (CostExpression e : new CostExpression[] {cost.work(), cost.alloc()}) {
            collectSubtracted(e, false, subtracted);
        }
        Object receiver = isStatic ? null : big(owner);
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            args[i] = argument(params[i], subtracted.contains(i), cost);
        }
        long expected;
        try {
            expected = Costs.add(eval(cost.work(), receiver, args), Costs.div(eval(cost.alloc(), receiver, args),
                    WorkBudget.BYTES_PER_UNIT));
        } catch (BudgetExceeded slow) {
            expected = Long.MAX_VALUE; // working the size out took longer than the backstop: it is huge
        }
        if (expected <= SMALL_BUDGET * 2) {
            return; // not sized by what this receiver type holds (an addition to a list compares nothing)
        }
        EXERCISED.incrementAndGet();
        Method run = callerOf(member).getMethod("run", Object.class, Object[].class);
        WorkBudget.begin(SMALL_BUDGET);
        try {
            run.invoke(null, receiver, args);
            fail(member + " ran although it costs " + expected + " units");
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (!(t instanceof BudgetExceeded)) {
                throw new AssertionError(member + " should be stopped by its charge, but threw " + t, t);
            }
            String name = member instanceof Constructor ? "<init>" : member.getName();
            for (StackTraceElement f : t.getStackTrace()) {
                if (f.getClassName().equals("t.Call")) {
                    break;
                }
                assertTrue(!(f.getMethodName().equals(name) && f.getClassName().startsWith(owner.getPackageName())),
                        member + " ran before the charge stopped it: " + f);
            }
        } finally {
            WorkBudget.end();
        }
    }

    /** The value arguments that stand right of a minus: zero makes their differences largest. */
    private static void collectSubtracted(CostExpression e, boolean negative, Set<Integer> out) {
        if (e instanceof CostExpression.Value v && negative) {
            out.add(v.parameter());
        } else if (e instanceof CostExpression.Binary b) {
            collectSubtracted(b.left(), negative, out);
            collectSubtracted(b.right(), b.operator() == '-' != negative, out);
        } else if (e instanceof CostExpression.Call c) {
            c.arguments().forEach(a -> collectSubtracted(a, negative, out));
        }
    }

    private static Object argument(Class<?> type, boolean zero, MemberCost.Charged cost) {
        if (type == int.class) {
            return zero ? 0 : Integer.MAX_VALUE;
        }
        if (type == long.class) {
            return zero ? 0L : Long.MAX_VALUE / 4;
        }
        if (type == short.class) {
            return zero ? (short) 0 : Short.MAX_VALUE;
        }
        if (type == char.class) {
            return zero ? (char) 0 : Character.MAX_VALUE;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == float.class) {
            return 0.75f;
        }
        if (type == double.class) {
            return 0.75;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == String.class && String.valueOf(cost.work()).contains("format")) {
            return "%999999999s";
        }
        return big(type);
    }

    private static final Map<Class<?>, Object> BIGS = new HashMap<>();

    /** A large instance of {@code type} (or of an implementation of it), or null for types with no size. */
    private static Object big(Class<?> type) {
        return BIGS.computeIfAbsent(type, t -> {
            Object made = makeBig(t);
            return t.isPrimitive() || t.isInstance(made) ? made : null;
        });
    }

    private static Object makeBig(Class<?> type) {
        List<String> strings = Collections.nCopies(BIG, "x");
        List<Integer> ints = new ArrayList<>();
        for (int i = 0; i < BIG; i++) {
            ints.add(i);
        }
        if (type.isArray()) {
            Object a = Array.newInstance(type.getComponentType(), type.getComponentType().isPrimitive() ? BIG * 10 : BIG);
            if (!type.getComponentType().isPrimitive() && type.getComponentType().isAssignableFrom(String.class)) {
                Arrays.fillWith((Object[]) a, "x");
            }
            return a;
        }
        String text = "x".repeat(BIG * 10);
        if (type == String.class || type == CharSequence.class) {
            return text;
        }
        if (type == StringBuilder.class || type == Appendable.class) {
            return new StringBuilder(text);
        }
        if (type == StringBuffer.class) {
            return new StringBuffer(text);
        }
        if (type == StringJoiner.class) {
            return new StringJoiner(",").add(text);
        }
        if (type == BitSet.class) {
            return new BitSet(BIG * 1024);
        }
        if (type == Optional.class) {
            return Optional.of(new ArrayList<>(strings));
        }
        if (type == Map.Entry.class) {
            return Map.entry(new ArrayList<>(strings), "x");
        }
        if (type == TreeSet.class || type == java.util.SortedSet.class || type == java.util.NavigableSet.class) {
            return new TreeSet<>(ints);
        }
        if (type == PriorityQueue.class) {
            return new PriorityQueue<>(ints);
        }
        if (type == LinkedList.class || type == java.util.AbstractSequentialList.class) {
            return new LinkedList<>(ints);
        }
        if (type == HashSet.class || type == Set.class || type == java.util.AbstractSet.class) {
            return new HashSet<>(ints);
        }
        if (type == LinkedHashSet.class) {
            return new LinkedHashSet<>(ints);
        }
        if (type == java.util.AbstractQueue.class) {
            return new PriorityQueue<>(ints);
        }
        if (type == ArrayDeque.class || type == java.util.Deque.class || type == java.util.Queue.class) {
            return new ArrayDeque<>(strings);
        }
        if (type == Vector.class) {
            return new Vector<>(strings);
        }
        if (type == Stack.class) {
            Stack<String> s = new Stack<>();
            s.addAll(strings);
            return s;
        }
        if (Map.class.isAssignableFrom(type) || type == java.util.AbstractMap.class) {
            Map<Integer, Integer> m = java.util.SortedMap.class.isAssignableFrom(type) || type == TreeMap.class
                    ? new TreeMap<>() : type == LinkedHashMap.class ? new LinkedHashMap<>() : new HashMap<>();
            for (Integer i : ints) {
                m.put(i, i);
            }
            return m;
        }
        if (type == Object.class || type == Iterable.class || Collection.class.isAssignableFrom(type)
                && type.isAssignableFrom(ArrayList.class)) {
            return new ArrayList<>(strings);
        }
        return null;
    }

    /** Computes a cost as the instrumented code would (0 for no expression). */
    private static long eval(CostExpression e, Object receiver, Object[] args) {
        if (e == null) {
            return 0;
        }
        if (e instanceof CostExpression.Number n) {
            return n.value();
        }
        if (e instanceof CostExpression.Value v) {
            Object a = args[v.parameter()];
            return a instanceof Number num ? num.longValue() : a instanceof Character ch ? ch : 0;
        }
        if (e instanceof CostExpression.Binary b) {
            long l = eval(b.left(), receiver, args);
            long r = eval(b.right(), receiver, args);
            return switch (b.operator()) {
                case '+' -> Costs.add(l, r);
                case '-' -> Costs.sub(l, r);
                case '*' -> Costs.mul(l, r);
                default -> Costs.div(l, r);
            };
        }
        CostExpression.Call c = (CostExpression.Call) e;
        Object x = ref(c.arguments().get(0), receiver, args);
        Object y = c.arguments().size() > 1 ? ref(c.arguments().get(1), receiver, args) : null;
        WorkBudget.begin(Long.MAX_VALUE / 2);
        try {
            return switch (c.function()) {
                case "len" -> Costs.len(x);
                case "deep" -> Costs.deep(x);
                case "seq" -> Costs.seq(x);
                case "search" -> Costs.search(x);
                case "lookup" -> Costs.lookup(x, y);
                case "insert" -> Costs.insert(x, y);
                case "format" -> Costs.format(x, y);
                case "log" -> Costs.log(eval(c.arguments().get(0), receiver, args));
                case "grow" -> Costs.grow(x, eval(c.arguments().get(1), receiver, args));
                case "hashCapacity" -> Costs.hashCapacity(((Number) x).longValue(), ((Number) y).floatValue());
                default -> throw new AssertionError(c.function());
            };
        } finally {
            WorkBudget.end();
        }
    }

    private static Object ref(CostExpression e, Object receiver, Object[] args) {
        if (e instanceof CostExpression.Reference r) {
            return r.parameter() == CostExpression.Reference.THIS ? receiver
                    : r.parameter() == CostExpression.Reference.NULL ? null : args[r.parameter()];
        }
        if (e instanceof CostExpression.Value v) {
            return args[v.parameter()];
        }
        return null;
    }

    /**
     * An instrumented class {@code t.Call} whose {@code run(receiver, args)} calls {@code member}
     * the way script code would, with the arguments unboxed from the array.
     */
    private static Class<?> callerOf(Executable member) throws Exception {
        String owner = Type.getInternalName(member.getDeclaringClass());
        boolean itf = member.getDeclaringClass().isInterface();
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "t/Call", null, "java/lang/Object", null);
        cw.visitSource("Call.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run",
                "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", null, null);
        mv.visitCode();
        net.bytebuddy.jar.asm.Label start = new net.bytebuddy.jar.asm.Label();
        mv.visitLabel(start);
        mv.visitLineNumber(1, start);
        boolean ctor = member instanceof Constructor;
        if (ctor) {
            mv.visitTypeInsn(Opcodes.NEW, owner);
            mv.visitInsn(Opcodes.DUP);
        } else if (!Modifier.isStatic(member.getModifiers())) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitTypeInsn(Opcodes.CHECKCAST, owner);
        }
        Class<?>[] params = member.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitLdcInsn(i);
            mv.visitInsn(Opcodes.AALOAD);
            unbox(mv, params[i]);
        }
        if (ctor) {
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, "<init>", Type.getConstructorDescriptor((Constructor<?>) member),
                    false);
        } else {
            Method m = (Method) member;
            int op = Modifier.isStatic(m.getModifiers()) ? Opcodes.INVOKESTATIC : itf ? Opcodes.INVOKEINTERFACE
                    : Opcodes.INVOKEVIRTUAL;
            mv.visitMethodInsn(op, owner, m.getName(), Type.getMethodDescriptor(m), itf);
            Class<?> r = m.getReturnType();
            if (r == void.class) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            } else if (r.isPrimitive()) {
                Type t = Type.getType(r);
                if (t.getSize() == 2) {
                    mv.visitInsn(Opcodes.POP2);
                } else {
                    mv.visitInsn(Opcodes.POP);
                }
                mv.visitInsn(Opcodes.ACONST_NULL);
            }
        }
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        byte[] instrumented = BudgetInstrumenter.instrument(Map.of("t.Call", cw.toByteArray())).get("t.Call");
        return new ClassLoader(MemberTableTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (!name.equals("t.Call")) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, instrumented, 0, instrumented.length);
            }
        }.loadClass("t.Call");
    }

    private static void unbox(MethodVisitor mv, Class<?> type) {
        if (!type.isPrimitive()) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(type));
            return;
        }
        Class<?> box = switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            default -> Boolean.class;
        };
        String internal = Type.getInternalName(box);
        mv.visitTypeInsn(Opcodes.CHECKCAST, internal);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, internal, type.getName() + "Value", "()" + Type.getDescriptor(type),
                false);
    }

    /** Arrays.fill for an array typed as Object[] at run time. */
    private static final class Arrays {
        static void fillWith(Object[] a, Object v) {
            java.util.Arrays.fill(a, v);
        }
    }
}
