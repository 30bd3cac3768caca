package realcode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a constant a designer may tune, with the range that makes sense for it. */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Tunable {
    float min();

    float max() default Float.MAX_VALUE;
}
