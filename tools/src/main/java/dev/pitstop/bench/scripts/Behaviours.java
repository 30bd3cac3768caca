package dev.pitstop.bench.scripts;

import dev.pitstop.api.Behaviour;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;

/** One instance of each concrete behaviour among some loaded script classes, for the benchmark's own hosts. Any thread. */
public final class Behaviours {

    private Behaviours() {
    }

    /**
     * Loads {@code classNames} from {@code loader} and makes one instance of each concrete
     * {@link Behaviour} among them, keyed by simple name.
     */
    public static Map<String, Behaviour> of(ClassLoader loader, Iterable<String> classNames)
            throws ReflectiveOperationException {
        Map<String, Behaviour> byName = new TreeMap<>();
        for (String n : classNames) {
            Class<?> c = loader.loadClass(n);
            if (Behaviour.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())
                    && Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isLocalClass()) {
                byName.put(c.getSimpleName(), (Behaviour) c.getConstructor().newInstance());
            }
        }
        return byName;
    }
}
