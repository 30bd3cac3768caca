package dev.pitstop.reload.bytecode;

import java.util.List;
import net.bytebuddy.jar.asm.Type;

/**
 * A host's own API, for a host of Pitstop's reload other than our game: the types its scripts
 * implement and call. Scripts may use the public methods and constructors a listed type declares
 * itself, each call counted as one unit of their work budget (the host bounds the work its own API
 * does, as the game's API does); what it inherits from the JDK is governed by the member table as
 * for any class. Listed for the whole JVM (the game's own scripts cannot name a host's types: they
 * do not compile against them). Any thread.
 */
public final class HostApi {

    /** Packages a host's type may not be in: the platform's and the engine's. */
    private static final List<String> RESERVED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.pitstop.",
            "org.joml.", "net.bytebuddy.");

    private HostApi() {
    }

    /**
     * Lets scripts use {@code type} (a class or an interface of the host's own).
     *
     * @throws IllegalArgumentException if it belongs to the platform or the engine, or is an array
     *         or a primitive
     */
    public static void allow(Class<?> type) {
        String name = type.getName();
        if (type.isArray() || type.isPrimitive() || RESERVED.stream().anyMatch(name::startsWith)) {
            throw new IllegalArgumentException(name + " is not a host's own type: scripts use the platform and the "
                    + "engine only as the member table allows");
        }
        List<String[]> declared = new java.util.ArrayList<>();
        for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                declared.add(new String[] {m.getName(), Type.getMethodDescriptor(m)});
            }
        }
        for (java.lang.reflect.Constructor<?> c : type.getDeclaredConstructors()) {
            if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                declared.add(new String[] {"<init>", Type.getConstructorDescriptor(c)});
            }
        }
        MemberTable.addHostType(name.replace('.', '/'), declared);
    }
}
