package dev.pitstop.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hint for the tunables panel (F3): the range a {@code static final} constant is meant to move
 * in, e.g. {@code @Range(min = 0, max = 400) static final float SPEED = 90f;}. The panel's slider
 * spans it and its steps are a hundredth of it; {@code tune} on stdin may still go beyond it. The
 * engine reads it from the source text (write {@code min} and {@code max} as plain numbers); it
 * leaves no trace in the class file and changes nothing at run time.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Range {

    /** The smallest value the panel offers. */
    double min();

    /** The largest value the panel offers. */
    double max();
}
