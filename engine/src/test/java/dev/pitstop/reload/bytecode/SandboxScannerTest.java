package dev.pitstop.reload.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.testing.Javac;
import dev.pitstop.testing.Scripts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/** The sandbox on class files compiled here: what it lets through, what it refuses, and where. */
class SandboxScannerTest {

    /**
     * Every line marked {@code // expect: TEXT} must have a violation containing TEXT, and no other
     * line may have one. Compiled against the test class path, so it may name engine internals.
     */
    static final String HOSTILE = """
            package t;

            import dev.pitstop.api.*;
            import java.util.*;

            public class Evil implements Behaviour {
                public void update(Agent self, World world) {
                }

                void all() throws Exception {
                    Runnable r = System::gc; // expect: refers to java.lang.System.gc() (in a lambda or method reference), which scripts may not use
                    System.exit(1); // expect: calls java.lang.System.exit(int), which scripts may not use (it reaches the JVM
                    System.out.println("hi"); // expect: reads java.lang.System.out, which scripts may not use (the console is outside the game)
                    long t = System.nanoTime(); // expect: calls java.lang.System.nanoTime(), which scripts may not use (the clock differs
                    Runtime.getRuntime().exec(new String[] {"true"}); // expect: calls java.lang.Runtime.getRuntime()
                    new Thread(r).start(); // expect: creates java.lang.Thread, which scripts may not use (scripts run on the game thread only)
                    Thread.currentThread().getContextClassLoader(); // expect: calls java.lang.Thread.currentThread()
                    java.nio.file.Files.writeString(java.nio.file.Path.of("x"), "y"); // expect: java.nio.file
                    new java.io.FileOutputStream("x").close(); // expect: creates java.io.FileOutputStream
                    Class.forName("x"); // expect: calls java.lang.Class.forName(String)
                    getClass().getDeclaredMethods(); // expect: calls java.lang.Class.getDeclaredMethods()
                    java.lang.invoke.MethodHandles.lookup(); // expect: calls java.lang.invoke.MethodHandles.lookup()
                    java.lang.reflect.Array.newInstance(int.class, 3); // expect: java.lang.reflect.Array.newInstance
                    synchronized (this) { // expect: uses a synchronized block
                        notifyAll(); // expect: calls java.lang.Object.notifyAll(), which scripts may not use (a monitor
                        wait(); // expect: calls java.lang.Object.wait(), which scripts may not use (it waits
                    }
                    Thread.sleep(5); // expect: calls java.lang.Thread.sleep(long), which scripts may not use (it waits
                    new java.util.concurrent.locks.ReentrantLock().lock(); // expect: creates java.util.concurrent.locks.ReentrantLock, which scripts may not use (it waits
                    new java.util.concurrent.CountDownLatch(1).await(); // expect: creates java.util.concurrent.CountDownLatch, which scripts may not use (it waits
                    new IdentityHashMap<String, String>(); // expect: calls new java.util.IdentityHashMap(), which scripts may not use (its order follows identity hash codes
                    "x".repeat(3).chars().parallel(); // expect: calls java.util.stream.IntStream.parallel()
                    "a,b".split(","); // expect: calls java.lang.String.split(String), which scripts may not use (regular expressions
                    "a".matches("a*"); // expect: calls java.lang.String.matches(String)
                    "a".replaceAll("a", "b"); // expect: calls java.lang.String.replaceAll(String, String)
                    java.util.regex.Pattern.compile("a"); // expect: calls java.util.regex.Pattern.compile(String)
                    "x".intern(); // expect: calls java.lang.String.intern()
                    double d = Math.random(); // expect: calls java.lang.Math.random(), which scripts may not use (World.random()
                    double e = StrictMath.random(); // expect: calls java.lang.StrictMath.random()
                    new Random(); // expect: creates java.util.Random
                    new SplittableRandom(7); // expect: creates java.util.SplittableRandom
                    UUID.randomUUID(); // expect: calls java.util.UUID.randomUUID()
                    Collections.shuffle(new ArrayList<Integer>()); // expect: calls java.util.Collections.shuffle(List)
                    new Date(); // expect: creates java.util.Date
                    List.of(1).parallelStream(); // expect: calls java.util.List.parallelStream()
                    List.of(1).stream().parallel(); // expect: calls java.util.stream.Stream.parallel()
                    java.util.stream.IntStream.range(0, 3).parallel(); // expect: calls java.util.stream.IntStream.parallel()
                    Arrays.parallelSort(new int[3]); // expect: calls java.util.Arrays.parallelSort(int[])
                    java.util.concurrent.Executors.newSingleThreadExecutor(); // expect: calls java.util.concurrent.Executors.newSingleThreadExecutor()
                    new Timer(); // expect: creates java.util.Timer
                    ServiceLoader.load(Behaviour.class); // expect: calls java.util.ServiceLoader.load(Class)
                    new Formatter("out.txt"); // expect: creates java.util.Formatter
                    new Scanner("a b"); // expect: creates java.util.Scanner
                    Locale.setDefault(Locale.ROOT); // expect: calls java.util.Locale.setDefault(Locale)
                    Integer.getInteger("x"); // expect: calls java.lang.Integer.getInteger(String)
                    new RuntimeException().printStackTrace(); // expect: calls java.lang.RuntimeException.printStackTrace()
                    new RuntimeException().setStackTrace(null); // expect: calls java.lang.RuntimeException.setStackTrace(StackTraceElement[])
                    new ProcessBuilder("true"); // expect: creates java.lang.ProcessBuilder
                    dev.pitstop.guard.WorkBudget.end(); // expect: calls dev.pitstop.guard.WorkBudget.end(), which scripts may not use (engine internals
                    new dev.pitstop.world.Rng(1); // expect: creates dev.pitstop.world.Rng
                    new org.joml.Vector2f().getToAddress(0L); // expect: calls org.joml.Vector2f.getToAddress(long), which scripts may not use (it reads and writes raw memory)
                    java.util.concurrent.Callable<Integer> c = () -> 1; // expect: implements java.util.concurrent.Callable (in a lambda)
                    Object o = Thread.class; // expect: uses java.lang.Thread
                    Object[] threads = new Thread[2]; // expect: uses java.lang.Thread
                    System.arraycopy(new int[1], 0, new int[1], 0, 1);
                    Math.sqrt(2);
                    new ArrayList<String>().stream().sorted().toList();
                }

                static synchronized int locked() { return 1; } // expect: declares synchronized method locked

                class Sub extends ArrayList<String> {
                    void f() {
                        parallelStream(); // expect: calls t.Evil$Sub.parallelStream()
                    }
                }
            }
            """;

    @Test
    void aLegitimateScriptPasses() {
        Map<String, byte[]> classes = Javac.compile(Map.of("t/Legit.java", Scripts.legitimate("Legit")));
        assertTrue(classes.size() > 5, "records, nested, anonymous and switch-map classes: " + classes.keySet());
        assertEquals(List.of(), SandboxScanner.scan(classes));
    }

    @Test
    void everyForbiddenUseIsFoundOnItsLine() {
        Map<String, byte[]> classes = Javac.compile(Map.of("t/Evil.java", HOSTILE));
        List<SandboxViolation> found = SandboxScanner.scan(classes, Integer.MAX_VALUE);
        Map<Integer, String> expected = new TreeMap<>();
        String[] lines = HOSTILE.split("\n");
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf("// expect: ");
            if (at >= 0) {
                expected.put(i + 1, lines[i].substring(at + "// expect: ".length()));
            }
        }
        Map<Integer, List<String>> byLine = found.stream().collect(Collectors.groupingBy(SandboxViolation::line,
                TreeMap::new, Collectors.mapping(SandboxViolation::message, Collectors.toList())));
        String all = found.stream().map(v -> v.line() + " " + v.message()).collect(Collectors.joining("\n"));
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
            List<String> messages = byLine.getOrDefault(e.getKey(), List.of());
            assertTrue(messages.stream().anyMatch(m -> m.contains(e.getValue())),
                    "line " + e.getKey() + " should say '" + e.getValue() + "'; found:\n" + all);
        }
        for (Integer line : byLine.keySet()) {
            assertTrue(expected.containsKey(line), "nothing is wrong on line " + line + ":\n" + all);
        }
        assertTrue(found.stream().allMatch(v -> v.className().startsWith("t.Evil")), all);

        List<SandboxViolation> listed = SandboxScanner.scan(classes);
        assertEquals(SandboxScanner.MAX_VIOLATIONS + 1, listed.size(), "one past the cap says there are more");
        assertEquals(found.subList(0, listed.size()), listed);
    }

    @Test
    void harmlessApisRealCodeUsesPass() {
        String source = """
                package t;

                import java.util.*;
                import java.util.concurrent.atomic.*;

                public class Harmless {
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    @interface Tunable {
                        float min() default 0f;
                    }

                    @Tunable(min = 1f)
                    static final float SPEED = 3f;
                    static final AtomicInteger SPAWNED = new AtomicInteger();
                    static final AtomicLong TICKS = new AtomicLong();
                    static final AtomicReference<String> LAST = new AtomicReference<>("none");

                    static int run() {
                        Stack<Integer> open = new Stack<>();
                        open.push(SPAWNED.incrementAndGet());
                        List<Integer> shared = Collections.synchronizedList(new ArrayList<>());
                        shared.add(open.pop());
                        StringBuffer text = new StringBuffer("n=").append(shared.size());
                        LAST.set(text.toString());
                        TICKS.addAndGet(2);
                        AtomicBoolean done = new AtomicBoolean();
                        done.compareAndSet(false, true);
                        return shared.get(0) + (int) TICKS.get() + (done.get() ? 1 : 0);
                    }
                }
                """;
        assertEquals(List.of(), SandboxScanner.scan(Javac.compile(Map.of("t/Harmless.java", source))));
    }

    @Test
    void superTypesAreChecked() {
        String source = """
                package t;

                public class Leaky extends Thread {
                    static class Task implements java.util.concurrent.Callable<Integer> {
                        public Integer call() {
                            return 1;
                        }
                    }
                }
                """;
        List<String> messages = SandboxScanner.scan(Javac.compile(Map.of("t/Leaky.java", source))).stream()
                .map(v -> v.className() + ":" + v.line() + " " + v.message()).toList();
        assertTrue(messages.contains("t.Leaky:0 extends java.lang.Thread, which scripts may not use (scripts run on "
                + "the game thread only)"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("t.Leaky$Task:0 implements java.util.concurrent.Callable")),
                messages.toString());
    }

    @Test
    void aMethodReferenceToAForbiddenMethodIsCaughtInTheBootstrapArguments() {
        String source = """
                package t;

                public class Sneaky {
                    static Runnable later() {
                        Runnable r = System::gc;
                        return r;
                    }
                }
                """;
        List<SandboxViolation> found = SandboxScanner.scan(Javac.compile(Map.of("t/Sneaky.java", source)));
        assertEquals(List.of(new SandboxViolation("t.Sneaky", 5, "refers to java.lang.System.gc() (in a lambda or "
                + "method reference), which scripts may not use (it reaches the JVM and the machine outside the game)")),
                found);
    }

    @Test
    void aMissingClassIsLeftToTheLoaderToReport() {
        Map<String, byte[]> classes = Javac.compile(Map.of("t/A.java", "package t;\npublic class A {\n"
                + "    static int f() { return B.g(); }\n}\n", "t/B.java", "package t;\npublic class B {\n"
                + "    static int g() { return 1; }\n}\n"));
        classes.remove("t.B");
        assertEquals(List.of(), SandboxScanner.scan(classes));
    }

    /** What javac never emits, made by hand: a method handle constant, a bootstrap of one's own. */
    @Test
    void handMadeBytecodeIsRefused() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS); // never loaded: no frames needed
        cw.visit(Opcodes.V1_7, Opcodes.ACC_PUBLIC, "t/Hand", null, "java/lang/Object", null);
        cw.visitSource("Hand.java", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
        mv.visitCode();
        Label l1 = new Label();
        mv.visitLabel(l1);
        mv.visitLineNumber(10, l1);
        mv.visitLdcInsn(new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false));
        mv.visitInsn(Opcodes.POP);
        Label l2 = new Label();
        mv.visitLabel(l2);
        mv.visitLineNumber(11, l2);
        mv.visitInvokeDynamicInsn("x", "()V", new Handle(Opcodes.H_INVOKESTATIC, "t/Hand", "bsm",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
                + "Ljava/lang/invoke/CallSite;", false));
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        List<String> found = SandboxScanner.scan(Map.of("t.Hand", cw.toByteArray())).stream()
                .map(v -> v.line() + " " + v.message()).toList();
        assertTrue(found.get(0).startsWith("10 loads a method handle constant for java.lang.System.exit(int)"), found.toString());
        assertTrue(found.get(1).startsWith("11 uses invokedynamic with bootstrap method t.Hand.bsm("), found.toString());
        assertEquals(2, found.size(), found.toString());
    }
}
