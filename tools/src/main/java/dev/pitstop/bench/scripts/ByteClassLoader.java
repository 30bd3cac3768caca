package dev.pitstop.bench.scripts;

import dev.pitstop.api.Behaviour;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines script classes from bytes, child-first, with the engine's loader (API, JOML) as parent:
 * the shape of an engine generation's loader, for the benchmark's own hosts (the hotswap host
 * loads its scripts here once and then redefines them in place; JMH loads "the same compiled
 * class" here to dispatch it as a generation would). Safe to use from any thread.
 */
public final class ByteClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> pending;

    public ByteClassLoader(String name, Map<String, byte[]> classes) {
        super(name, Behaviour.class.getClassLoader());
        this.pending = new ConcurrentHashMap<>(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = pending.remove(name);
                c = bytes != null ? defineClass(name, bytes, 0, bytes.length) : getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * Loads {@code classNames} and makes one instance of each concrete {@link Behaviour} among
     * them, keyed by simple name.
     */
    public Map<String, Behaviour> behaviours(Iterable<String> classNames) throws ReflectiveOperationException {
        Map<String, Behaviour> byName = new TreeMap<>();
        for (String n : classNames) {
            Class<?> c = loadClass(n);
            if (Behaviour.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())
                    && Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isLocalClass()) {
                byName.put(c.getSimpleName(), (Behaviour) c.getConstructor().newInstance());
            }
        }
        return byName;
    }
}
