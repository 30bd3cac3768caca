package dev.pitstop.reload.bytecode;

/**
 * Finds the line of the scripts' member table that governs a member named in script code, the
 * way the JVM resolves the member: on the class named, then up its super classes and interfaces
 * (a call of {@code ArrayList.stream()} is governed by {@code Collection.stream()}). A script's own
 * member needs no line; one a script class inherits from the JDK is looked up on its nearest JDK
 * ancestors. Reload thread; immutable once made.
 */
final class MemberResolver {

    /** The member's cost and the type whose line says so. */
    record Found(String type, MemberCost cost) { }

    /** A script's own member: it runs counted code and needs no line. */
    static final Found OWN = new Found(null, new MemberCost.Constant("the scripts' own"));

    private final ScriptShapes scripts;
    private final MemberTable table = MemberTable.get();

    MemberResolver(ScriptShapes scripts) {
        this.scripts = scripts;
    }

    boolean isScript(String internalName) {
        return scripts.isScript(internalName);
    }

    /**
     * The line that governs a method or constructor, {@link #OWN} for a script's own, or null if
     * the table does not list it (scripts may not use it).
     */
    Found method(String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            return library(LibraryTypes.OBJECT, name, descriptor);
        }
        if (scripts.isScript(owner)) {
            if (name.equals("<init>") || scripts.declaresMethod(owner, name, descriptor)) {
                return OWN;
            }
            for (String ancestor : scripts.libraryAncestors(owner)) {
                Found f = library(ancestor, name, descriptor);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }
        return library(owner, name, descriptor);
    }

    private Found library(String owner, String name, String descriptor) {
        if (name.equals("<init>")) {
            MemberCost c = table.knows(owner) ? table.method(owner, name, descriptor) : null;
            return c == null ? null : new Found(owner, c);
        }
        for (String type : LibraryTypes.supertypes(owner)) {
            if (table.knows(type)) {
                MemberCost c = table.method(type, name, descriptor);
                if (c != null) {
                    return new Found(type, c);
                }
            }
        }
        return null;
    }

    /** The cost of reading or writing a field of a library class (fields carry no charge), or null if not listed. */
    MemberCost field(String owner, String name) {
        for (String type : LibraryTypes.supertypes(owner)) {
            if (table.knows(type)) {
                MemberCost c = table.field(type, name);
                return c != null ? c : new MemberCost.Constant("a field of a class scripts may use");
            }
        }
        return null;
    }
}
