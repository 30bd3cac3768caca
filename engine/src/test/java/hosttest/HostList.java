package hosttest;

import java.util.ArrayList;

/** A host's own API type that extends a JDK class, for the sandbox's tests of host types. */
public class HostList extends ArrayList<String> {

    private static final long serialVersionUID = 1L;

    public int declaredHere() {
        return 1;
    }
}
