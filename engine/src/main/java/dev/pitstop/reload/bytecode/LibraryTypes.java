package dev.pitstop.reload.bytecode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class hierarchy of classes that are not scripts' (the JDK, JOML, the API), looked up through
 * the engine's class loader without initializing anything, so that a rule about
 * {@code Throwable.printStackTrace} also catches {@code RuntimeException.printStackTrace} and one
 * about {@code Collection.parallelStream} catches {@code ArrayList.parallelStream}. These classes
 * never change while the engine runs, so answers are kept for the life of the JVM (as names only).
 * Any thread.
 */
final class LibraryTypes {

    static final String OBJECT = "java/lang/Object";
    static final String THROWABLE = "java/lang/Throwable";

    private static final ClassLoader LOADER = LibraryTypes.class.getClassLoader();
    private static final Map<String, List<String>> SUPERTYPES = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> EXISTS = new ConcurrentHashMap<>();

    private LibraryTypes() {
    }

    /** {@code internalName} itself, its super classes and interfaces, and {@code java/lang/Object}. */
    static List<String> supertypes(String internalName) {
        return SUPERTYPES.computeIfAbsent(internalName, LibraryTypes::lookUp);
    }

    static boolean exists(String internalName) {
        return EXISTS.computeIfAbsent(internalName, n -> load(n) != null);
    }

    static boolean isThrowable(String internalName) {
        return supertypes(internalName).contains(THROWABLE);
    }

    private static List<String> lookUp(String internalName) {
        Set<String> all = new LinkedHashSet<>();
        all.add(internalName);
        Class<?> c = load(internalName);
        if (c != null) {
            Deque<Class<?>> todo = new ArrayDeque<>(List.of(c));
            while (!todo.isEmpty()) {
                Class<?> t = todo.pop();
                all.add(t.getName().replace('.', '/'));
                if (t.getSuperclass() != null) {
                    todo.add(t.getSuperclass());
                }
                todo.addAll(List.of(t.getInterfaces()));
            }
        }
        all.add(OBJECT);
        return List.copyOf(new ArrayList<>(all));
    }

    private static Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, LOADER);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
