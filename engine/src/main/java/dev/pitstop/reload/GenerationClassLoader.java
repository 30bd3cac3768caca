package dev.pitstop.reload;

import dev.pitstop.api.Behaviour;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one script generation. Script classes are defined here, child-first, from
 * bytes in memory; the scripting API and JOML come from the engine's loader, so every generation
 * shares them (and the work budget's runtime, which instrumented code calls; the sandbox keeps
 * scripts from naming it); the JDK comes from the platform loader. Nothing else of the engine's
 * class path is visible: a script cannot reach engine internals even by reflection or a stale
 * class file.
 *
 * <p>Made and filled on the reload coordinator's script thread ({@link ScriptWorker}), where its
 * classes are linked and initialized. Once its generation is retired and nothing refers to
 * its classes, the loader and its classes are collected (the leak test proves it). The
 * benchmark's own hosts load their scripts in one too ({@link #of}), so that they see what a
 * generation sees. Safe to use from any thread.
 */
public final class GenerationClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final ClassLoader ENGINE = Behaviour.class.getClassLoader();
    /** The API, JOML, and the work budget's runtime that instrumented script code calls. */
    private static final String[] SHARED_PREFIXES = {"dev.pitstop.api.", "org.joml.", "dev.pitstop.guard."};

    private final Map<String, byte[]> pending;
    private final int generation;
    /** A host's own API types by binary name, shared with the host (none for the game). */
    private final Map<String, Class<?>> hostTypes;

    GenerationClassLoader(int generation, Map<String, byte[]> classes) {
        this(generation, null, classes);
    }

    /**
     * @param role what this copy of the generation is for, or null for the live one: a shadow run's
     *             copy defines the same bytes again, in a loader of its own, so it shares no class,
     *             no static field and no object with the live game
     */
    GenerationClassLoader(int generation, String role, Map<String, byte[]> classes) {
        this(generation, role, classes, Map.of());
    }

    /** @param hostTypes the host's API types its scripts see (see {@link HostScripts}) */
    GenerationClassLoader(int generation, String role, Map<String, byte[]> classes, Map<String, Class<?>> hostTypes) {
        super("pitstop-generation-" + generation + (role == null ? "" : "-" + role), ClassLoader.getPlatformClassLoader());
        this.generation = generation;
        this.hostTypes = Map.copyOf(hostTypes);
        this.pending = new ConcurrentHashMap<>(classes);
        LoaderCensus.register(this, generation, role != null);
    }

    /**
     * A loader of {@code classes} (binary name → bytes) shaped like a generation's, named
     * {@code role}, for hosts other than the reload pipeline (the benchmark's).
     */
    public static GenerationClassLoader of(String role, Map<String, byte[]> classes) {
        return new GenerationClassLoader(0, role, classes);
    }

    int generation() {
        return generation;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = pending.remove(name);
                if (bytes != null) {
                    c = defineClass(name, bytes, 0, bytes.length);
                } else if (isShared(name)) {
                    c = ENGINE.loadClass(name);
                } else if (hostTypes.containsKey(name)) {
                    c = hostTypes.get(name);
                } else {
                    // The JDK, through the platform loader; engine internals and libraries are not found.
                    c = super.loadClass(name, false);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private static boolean isShared(String name) {
        for (String p : SHARED_PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return getName();
    }
}
