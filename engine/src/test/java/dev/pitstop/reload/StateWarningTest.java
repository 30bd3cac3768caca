package dev.pitstop.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A warning for state kept in fields, which a reload loses; none for constants. */
class StateWarningTest {

    @SuppressWarnings("unused")
    static class Holder {
        int count;
        static String name;
        final int fixed = 1;
        static final int CONSTANT = 2;
    }

    @SuppressWarnings("unused")
    static class Constants {
        static final float SPEED = 2f;
    }

    enum Kind { A, B }

    @Test
    void namesEveryMutableFieldAndSaysWhereToKeepState() {
        assertEquals("t/Holder.java: StateWarningTest$Holder holds state in non-final fields count, name; it is lost "
                + "whenever this script or one it uses is reloaded: keep it in Agent.memory() instead",
                StateWarning.of(Holder.class, "t/Holder.java"));
    }

    @Test
    void constantsAndEnumConstantsAreNoState() {
        assertNull(StateWarning.of(Constants.class, "t/Constants.java"));
        assertNull(StateWarning.of(Kind.class, "t/Kind.java"));
    }
}
