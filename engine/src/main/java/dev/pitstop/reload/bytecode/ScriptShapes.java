package dev.pitstop.reload.bytecode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The outline of every script class of one attempt (super types, declared members), so that the
 * sandbox can tell a script's own method from one it inherits from the JDK: {@code this.wait()}
 * in a script compiles to a call on the script's class. Immutable once read; reload thread.
 */
final class ScriptShapes {

    /**
     * One class's outline. Its equals is written out: a record's own is linked through
     * invokedynamic at its first call, which in a young JVM cost the first edit 50 ms.
     */
    private record Shape(String superName, List<String> interfaces, boolean isInterface, Set<String> methods,
            Set<String> fields) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && isInterface == s.isInterface && Objects.equals(superName, s.superName)
                    && interfaces.equals(s.interfaces) && methods.equals(s.methods) && fields.equals(s.fields);
        }

        @Override
        public int hashCode() {
            return Objects.hash(superName, interfaces, isInterface, methods, fields);
        }
    }

    private final Map<String, Shape> shapes = new HashMap<>();

    /** @param classes class bytes by binary name */
    ScriptShapes(Map<String, byte[]> classes) {
        for (byte[] bytes : classes.values()) {
            read(bytes);
        }
    }

    private void read(byte[] bytes) {
        Set<String> methods = new HashSet<>();
        Set<String> fields = new HashSet<>();
        String[] header = new String[2];
        List<List<String>> interfaces = new java.util.ArrayList<>();
        boolean[] isInterface = new boolean[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] ifaces) {
                header[0] = name;
                header[1] = superName;
                interfaces.add(ifaces == null ? List.of() : List.of(ifaces));
                isInterface[0] = (access & Opcodes.ACC_INTERFACE) != 0;
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                fields.add(name);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                methods.add(name + descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        shapes.put(header[0], new Shape(header[1], interfaces.get(0), isInterface[0], methods, fields));
    }

    /**
     * Whether {@code other} has exactly these outlines: then every member name resolves the same
     * way in both, so a class with the same bytes checks and instruments the same in both.
     */
    boolean sameAs(ScriptShapes other) {
        return other != null && shapes.equals(other.shapes);
    }

    boolean isScript(String internalName) {
        return shapes.containsKey(internalName);
    }

    /**
     * Whether the method is the scripts' own: declared by {@code owner} or a script class above it
     * on its super-class chain (for an interface: on its script super-interfaces).
     */
    boolean declaresMethod(String owner, String name, String descriptor) {
        return declares(owner, name + descriptor, false);
    }

    boolean declaresField(String owner, String name) {
        return declares(owner, name, true);
    }

    private boolean declares(String owner, String member, boolean field) {
        Deque<String> todo = new ArrayDeque<>(List.of(owner));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Shape s = shapes.get(todo.pop());
            if (s == null) {
                continue;
            }
            if ((field ? s.fields() : s.methods()).contains(member)) {
                return true;
            }
            if (s.superName() != null && seen.add(s.superName()) && !s.isInterface()) {
                todo.add(s.superName());
            }
            // Interfaces too: a class inherits its script interfaces' default methods.
            for (String i : s.interfaces()) {
                if (seen.add(i)) {
                    todo.add(i);
                }
            }
        }
        return false;
    }

    /** The nearest classes and interfaces above {@code scriptClass} that are not scripts'. */
    Set<String> libraryAncestors(String scriptClass) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(scriptClass));
        Set<String> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            Shape s = shapes.get(n);
            if (s == null) {
                found.add(n);
                continue;
            }
            if (s.superName() != null && seen.add(s.superName())) {
                todo.add(s.superName());
            }
            for (String i : s.interfaces()) {
                if (seen.add(i)) {
                    todo.add(i);
                }
            }
        }
        found.add(LibraryTypes.OBJECT);
        return found;
    }
}
