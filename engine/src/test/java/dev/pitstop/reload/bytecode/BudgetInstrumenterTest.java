package dev.pitstop.reload.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.guard.BudgetExceeded;
import dev.pitstop.guard.WorkBudget;
import dev.pitstop.sim.ErrorText;
import dev.pitstop.testing.Javac;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Instrumented classes compiled here, loaded in a loader of their own and run on this thread
 * under a budget: what is counted, and that the budget's error cannot be swallowed.
 */
class BudgetInstrumenterTest {

    static final String WORK = """
            package b;

            public class Work {
                public static int loop(int n) {
                    int s = 0;
                    for (int i = 0; i < n; i++) {
                        s += i;
                    }
                    return s;
                }

                public static int swallow() {
                    int k = 0;
                    while (true) {
                        try {
                            while (true) {
                                k++;
                            }
                        } catch (Throwable t) {
                            k--;
                        }
                    }
                }

                public static int nested() {
                    int k = 0;
                    while (true) {
                        try {
                            try {
                                while (true) {
                                    k++;
                                }
                            } finally {
                                while (k > 0) {
                                    k++;
                                }
                            }
                        } catch (Throwable t) {
                            try {
                                k = 1;
                            } finally {
                                k = 2;
                            }
                        } finally {
                            k = 3;
                        }
                    }
                }

                @SuppressWarnings("finally")
                public static int finallyContinues() {
                    int k = 0;
                    while (true) {
                        try {
                            k++;
                        } finally {
                            continue;
                        }
                    }
                }

                public static Object ints(int n) {
                    return new int[n];
                }

                public static Object strings(int n) {
                    return new String[n];
                }

                public static Object grid(int a, int b) {
                    return new int[a][b];
                }

                public static int deep(int n) {
                    return deep(n + 1) + 1;
                }

                public static int lambdas(int n) {
                    return java.util.stream.IntStream.range(0, n).map(i -> i + 1).sum();
                }

                public static Object fresh() {
                    return new StringBuilder(Thread.currentThread() == null ? "?" : "x");
                }

                public static boolean endless() {
                    return java.util.stream.Stream.generate(Object::new).anyMatch(java.util.Objects::isNull);
                }

                public static long range() {
                    return java.util.stream.LongStream.range(0, Long.MAX_VALUE).sum();
                }

                public static int repeat(int n) {
                    return "x".repeat(n).length();
                }

                public static int copy(int n) {
                    return java.util.Arrays.copyOf(new long[1], n).length;
                }

                public static int list(int n) {
                    return new java.util.ArrayList<String>(n).size();
                }

                public static int subclass(int n) {
                    return new Big(n).size();
                }

                static final class Big extends java.util.ArrayList<String> {
                    Big(int n) {
                        super(n);
                    }
                }

                public static int doubling(int times) {
                    String s = "ab";
                    for (int i = 0; i < times; i++) {
                        s = s + s;
                    }
                    return s.length();
                }

                static final int[] PAID = new int[100_000];

                public static int sortAgain() {
                    int[] copy = PAID.clone();
                    java.util.Arrays.sort(copy);
                    return copy.length;
                }

                record Names(java.util.List<String> all) { }

                public static int hashRecord(int n) {
                    return new Names(java.util.Collections.nCopies(n, "name")).hashCode();
                }

                public static float sum(int n) {
                    float total = 0;
                    java.util.function.BinaryOperator<Float> add = Float::sum;
                    for (int i = 0; i < n; i++) {
                        total = add.apply(total, 1f);
                    }
                    return total;
                }
            }
            """;

    static final String SLOW_INIT = """
            package b;

            public class SlowInit {
                static final int VALUE;

                static {
                    int v = 0;
                    while (v >= 0) {
                        v = v + 1 - 1;
                    }
                    VALUE = v;
                }
            }
            """;

    static ClassLoader loader;

    @BeforeAll
    static void load() {
        Map<String, byte[]> classes = Javac.compile(Map.of("b/Work.java", WORK, "b/SlowInit.java", SLOW_INIT));
        Map<String, byte[]> instrumented = new HashMap<>();
        classes.forEach((name, bytes) -> instrumented.put(name, BudgetInstrumenter.instrument(bytes)));
        loader = new ClassLoader(BudgetInstrumenterTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = instrumented.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
    }

    @AfterEach
    void endRun() {
        WorkBudget.end();
    }

    private static Object call(String method, Object... args) throws Throwable {
        Class<?> work = Class.forName("b.Work", false, loader);
        for (Method m : work.getMethods()) {
            if (m.getName().equals(method)) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + method);
    }

    @Test
    void aLoopCostsOneUnitPerIterationPlusTheCall() throws Throwable {
        WorkBudget.begin(101);
        assertEquals(4950, call("loop", 100));
        WorkBudget.begin(100);
        BudgetExceeded e = assertThrows(BudgetExceeded.class, () -> call("loop", 100));
        assertTrue(e.getMessage().contains("work budget of 100 units"), e.getMessage());
        assertEquals("b/Work.java:" + Javac.lineOf(WORK, "for (int i = 0; i < n; i++)"),
                String.valueOf(ErrorText.scriptLine(e, name -> name.startsWith("b.") ? "b/Work.java" : null)), "stopped at the loop's back-edge");
    }

    @Test
    void lambdasAndStreamElementsAreCounted() throws Throwable {
        // the call; then per element two units as it leaves the stream's source and one entry into the lambda
        WorkBudget.begin(31);
        assertEquals(55, call("lambdas", 10));
        WorkBudget.begin(30);
        assertThrows(BudgetExceeded.class, () -> call("lambdas", 10));
    }

    /** Calls {@code method} under {@code units} and expects the budget to stop it on the line of {@code at}. */
    private static BudgetExceeded stoppedAt(long units, String at, String method, Object... args) {
        WorkBudget.begin(units);
        BudgetExceeded e = assertThrows(BudgetExceeded.class, () -> call(method, args), method);
        assertEquals("b/Work.java:" + Javac.lineOf(WORK, at),
                String.valueOf(ErrorText.scriptLine(e, n -> n.startsWith("b.") ? "b/Work.java" : null)), method + ": " + e.getMessage());
        return e;
    }

    @Test
    void jdkCallsAreChargedBeforeTheyRun() {
        BudgetExceeded repeat = stoppedAt(1_000_000, "\"x\".repeat(n)", "repeat", 1_500_000_000);
        assertTrue(repeat.getMessage().startsWith("stopped: a call that allocates 3000000000 bytes"), repeat.getMessage());
        stoppedAt(1_000_000, "copyOf(new long[1], n)", "copy", 250_000_000);
        stoppedAt(1_000_000, "new java.util.ArrayList<String>(n)", "list", 400_000_000);
        stoppedAt(1_000_000, "super(n);", "subclass", 400_000_000);
        stoppedAt(1_000_000, "s = s + s;", "doubling", 30);
        stoppedAt(100_000, "java.util.Arrays.sort(copy)", "sortAgain");
        stoppedAt(10_000, "int[] copy = PAID.clone();", "sortAgain");
        stoppedAt(10_000, "record Names", "hashRecord", 1_000_000);
    }

    @Test
    void unboundedStreamsAndJdkMethodReferencesRunCountedCode() throws Throwable {
        stoppedAt(1_000_000, "Stream.generate(Object::new)", "endless");
        stoppedAt(1_000_000, "LongStream.range(0, Long.MAX_VALUE)", "range");
        WorkBudget.begin(1_000_000);
        assertEquals(100f, call("sum", 100));
        // each iteration: a back-edge step, a unit for the call in the loop's body, one for Float::sum's bridge
        WorkBudget.begin(250);
        assertThrows(BudgetExceeded.class, () -> call("sum", 100));
    }

    @Test
    void scriptCodeOutsideARunIsStopped() {
        WorkBudget.end();
        BudgetExceeded e = assertThrows(BudgetExceeded.class, () -> call("loop", 1));
        assertTrue(e.getMessage().contains("only inside"), e.getMessage());
    }

    @Test
    void catchingThrowableDoesNotSwallowTheStop() {
        WorkBudget.begin(10_000);
        assertThrows(BudgetExceeded.class, () -> call("swallow"));
        WorkBudget.begin(10_000);
        assertThrows(BudgetExceeded.class, () -> call("nested"), "finally handlers, which javac protects with themselves");
        WorkBudget.begin(10_000);
        assertThrows(BudgetExceeded.class, () -> call("finallyContinues"), "a finally that swallows by continuing");
    }

    @Test
    void arraysAreChargedByTheirBytes() throws Throwable {
        WorkBudget.begin(162);
        assertEquals(640, ((int[]) call("ints", 640)).length, "one for the call, one for the array, 2560 bytes / 16");
        WorkBudget.begin(161);
        assertThrows(BudgetExceeded.class, () -> call("ints", 640));

        WorkBudget.begin(1_000_000_000L);
        BudgetExceeded huge = assertThrows(BudgetExceeded.class, () -> call("strings", Integer.MAX_VALUE));
        assertTrue(huge.getMessage().startsWith("stopped: an array of 2147483647 elements would cost"), huge.getMessage());
        WorkBudget.begin(100_000);
        int[][] grid = (int[][]) call("grid", 10, 20);
        assertEquals(20, grid[9].length);
        BudgetExceeded tooBig = assertThrows(BudgetExceeded.class, () -> call("grid", 1000, 1000));
        assertTrue(tooBig.getMessage().startsWith("stopped: arrays of 1000000 elements at their deepest level would cost "
                + "250501 units"), "every level counts: " + tooBig.getMessage());
        assertEquals("b/Work.java:" + Javac.lineOf(WORK, "new int[a][b]"),
                String.valueOf(ErrorText.scriptLine(tooBig, n -> n.startsWith("b.") ? "b/Work.java" : null)), "names the allocating line");
    }

    @Test
    void deepRecursionEndsInAStackOverflowAsUsual() {
        WorkBudget.begin(Long.MAX_VALUE);
        assertThrows(StackOverflowError.class, () -> call("deep", 0));
    }

    @Test
    void aMethodStartingWithNewStillVerifies() throws Throwable {
        WorkBudget.begin(10);
        assertEquals("x", call("fresh").toString());
    }

    @Test
    void staticInitializersRunUnderTheBudget() {
        WorkBudget.begin(1000);
        // An Error from a static initializer is not wrapped in ExceptionInInitializerError.
        BudgetExceeded e = assertThrows(BudgetExceeded.class, () -> Class.forName("b.SlowInit", true, loader));
        assertEquals("b/SlowInit.java:" + Javac.lineOf(SLOW_INIT, "v = v + 1 - 1"),
                String.valueOf(ErrorText.scriptLine(e, n -> n.startsWith("b.") ? "b/SlowInit.java" : null)));
    }
}
