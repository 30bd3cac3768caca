package dev.pitstop.reload;

import dev.pitstop.api.Behaviour;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * What loading found of one class, kept with the copy it was loaded for, so that the next copy
 * need not load the class again while its code and all the script code it reaches are byte for
 * byte the same ({@code print}, its fingerprint). Immutable; made on the script thread that loads.
 *
 * @param named   neither anonymous nor local (so its simple name may be a behaviour's)
 * @param warning the warning about its mutable fields, or null
 */
record ClassShape(String print, String simpleName, boolean behaviour, boolean named, String warning) {

    /** The shape of the loaded class {@code c}, whose fingerprint is {@code print}. */
    static ClassShape of(Class<?> c, String print, Map<String, String> files) {
        return new ClassShape(print, c.getSimpleName(), isBehaviourClass(c), !c.isAnonymousClass() && !c.isLocalClass(),
                StateWarning.of(c, files.get(c.getName())));
    }

    /** Whether entities can be given {@code c}: a concrete, named class implementing {@link Behaviour}. */
    private static boolean isBehaviourClass(Class<?> c) {
        return Behaviour.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())
                && !c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic();
    }

    /** A binary name without its package ({@code Outer$Inner} of {@code t.Outer$Inner}), as messages name a class. */
    static String simpleName(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1);
    }
}
