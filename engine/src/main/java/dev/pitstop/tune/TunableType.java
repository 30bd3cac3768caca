package dev.pitstop.tune;

/** The field types a tunable may have, by their Java names. Immutable; any thread. */
enum TunableType {
    INT("int"), LONG("long"), FLOAT("float"), DOUBLE("double"), BOOLEAN("boolean");

    final String javaName;

    TunableType(String javaName) {
        this.javaName = javaName;
    }

    boolean whole() {
        return this == INT || this == LONG;
    }

    /** The type named {@code primitive} ("int", ...), or null for any other. */
    static TunableType of(String primitive) {
        for (TunableType t : values()) {
            if (t.javaName.equals(primitive)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return javaName;
    }
}
