package dev.pitstop.reload;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The warning about a script class that keeps state in fields of its own: a reload makes a fresh
 * instance and fresh statics for changed code, so what such a field holds is lost whenever the
 * class or a script it uses changes, while {@code Agent.memory()} survives every reload. The
 * version still loads: the warning only says so, once per version. Stateless; the script thread
 * that loads.
 */
final class StateWarning {

    private StateWarning() {
    }

    /** The warning about {@code c}'s mutable fields ({@code file} is its source), or null if it has none. */
    static String of(Class<?> c, String file) {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        for (Field f : c.getDeclaredFields()) {
            if (!f.isSynthetic() && !Modifier.isFinal(f.getModifiers()) && !f.isEnumConstant()) {
                fields.put(f.getName(), Modifier.isStatic(f.getModifiers()));
            }
        }
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(file).append(": ");
        sb.append(ClassShape.simpleName(c.getName())).append(" holds state in non-final field");
        sb.append(fields.size() > 1 ? "s " : " ");
        sb.append(String.join(", ", fields.keySet()));
        sb.append("; it is lost whenever this script or one it uses is reloaded: keep it in Agent.memory() instead");
        return sb.toString();
    }
}
