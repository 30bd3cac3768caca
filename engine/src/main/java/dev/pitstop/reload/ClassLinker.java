package dev.pitstop.reload;

import dev.pitstop.reload.bytecode.ClassFacts;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Defines checked classes in a generation's loader and makes sure that everything they refer to
 * outside the scripts can be loaded there, so that a missing class or one scripts may not see
 * (an engine internal) is a rejection naming the file, not a {@code NoClassDefFoundError} in the
 * middle of a tick. Runs no script code: defining does not initialize. Stateless; the script
 * thread that loads.
 */
final class ClassLinker {

    private ClassLinker() {
    }

    /** Defines (without initializing) the classes {@code names} in {@code loader}. */
    static Map<String, Class<?>> define(ClassLoader loader, Collection<String> names, GenerationBuilder.Checked checked)
            throws Rejection {
        Map<String, String> files = checked.files();
        SourceLines lines = checked.lines();
        Map<String, Class<?>> loaded = new TreeMap<>();
        for (String name : names) {
            try {
                loaded.put(name, Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                throw Rejection.verify(files.get(name), lines.declaration(files.get(name), name),
                        "cannot load class " + name + ": " + e);
            }
        }
        return loaded;
    }

    /** Checks that every class the classes {@code names} refer to, beyond the scripts', can be loaded. */
    static void resolveReferences(ClassLoader loader, Collection<String> names, GenerationBuilder.Checked checked)
            throws Rejection {
        Map<String, ClassFacts> facts = checked.facts();
        for (String name : names) {
            ClassFacts f = facts.get(name);
            for (String ref : f.references()) {
                String type = elementType(ref);
                if (type == null || facts.containsKey(type)) {
                    continue;
                }
                try {
                    Class.forName(type, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    String file = checked.files().get(f.name());
                    throw Rejection.verify(file, checked.lines().mention(file, ClassShape.simpleName(type)),
                            ClassShape.simpleName(f.name()) + " refers to class " + type
                                    + ", which is missing or not available to scripts");
                }
            }
        }
    }

    /** The class an array or plain reference names, or null for a primitive array. */
    private static String elementType(String ref) {
        if (!ref.startsWith("[")) {
            return ref;
        }
        String t = ref.replaceFirst("^\\[+", "");
        return t.startsWith("L") && t.endsWith(";") ? t.substring(1, t.length() - 1).replace('/', '.') : null;
    }
}
