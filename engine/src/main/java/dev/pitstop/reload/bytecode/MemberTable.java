package dev.pitstop.reload.bytecode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.Type;

/**
 * The scripts' member table ({@code script-members.tsv} beside this class): every member of the
 * JDK, JOML and the scripting API that scripts may use, each with its cost, and the members
 * refused, each with its reason. Read once per JVM, from the engine's own resources. Immutable;
 * any thread.
 */
final class MemberTable {

    static final String RESOURCE = "script-members.tsv";

    /** One line of the table, as written. */
    record Line(String member, String cost, String reason, boolean newer, int number) { }

    private static final MemberTable INSTANCE = load();

    /** A host's own API types (see {@link HostApi}), by internal name. */
    private static final Set<String> HOST_TYPES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The members those types declare themselves, as {@code owner.name(Simple, Params)}, each at cost 1. */
    private static final Map<String, MemberCost> HOST_MEMBERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final MemberCost HOST_COST = new MemberCost.Constant("the host's own API: the host bounds the work it does");
    private static final java.util.concurrent.atomic.AtomicInteger HOST_VERSION = new java.util.concurrent.atomic.AtomicInteger();

    private final Map<String, MemberCost> members = new HashMap<>();
    private final Map<String, MemberCost> classDefaults = new HashMap<>();
    private final Set<String> classes = new HashSet<>();
    private final List<Line> lines;

    private MemberTable(List<Line> lines) {
        this.lines = Collections.unmodifiableList(lines);
        for (Line l : lines) {
            MemberCost cost;
            try {
                cost = parseCost(l.cost(), l.reason(), parameterCount(l.member()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + ":" + l.number() + ": " + e.getMessage(), e);
            }
            String member = l.member();
            if (member.endsWith(".*")) {
                String owner = member.substring(0, member.length() - 2).replace('.', '/');
                classDefaults.put(owner, cost);
                classes.add(owner);
                continue;
            }
            int paren = member.indexOf('(');
            String head = paren < 0 ? member : member.substring(0, paren);
            int dot = head.lastIndexOf('.');
            String owner = head.substring(0, dot).replace('.', '/');
            classes.add(owner);
            members.put(owner + member.substring(dot), cost);
        }
    }

    static MemberTable get() {
        return INSTANCE;
    }

    private static MemberTable load() {
        try (InputStream in = MemberTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the engine's " + RESOURCE + " is missing from its class path");
            }
            return new MemberTable(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the engine's " + RESOURCE, e);
        }
    }

    private static List<Line> read(BufferedReader reader) throws IOException {
        List<Line> lines = new ArrayList<>();
        String text;
        int number = 0;
        while ((text = reader.readLine()) != null) {
            number++;
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String[] cells = text.split("\t");
            if (cells.length < 3 || cells.length > 4 || cells.length == 4 && !cells[3].equals("newer")) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": expected MEMBER, COST, REASON and "
                        + "perhaps 'newer', separated by tabs: " + text);
            }
            lines.add(new Line(cells[0], cells[1], cells[2], cells.length == 4, number));
        }
        return lines;
    }

    /** The number of parameters a member line names, or -1 for a field or a class line. */
    private static int parameterCount(String member) {
        int open = member.indexOf('(');
        if (open < 0) {
            return -1;
        }
        String inside = member.substring(open + 1, member.length() - 1).trim();
        return inside.isEmpty() ? 0 : inside.split(",").length;
    }

    /**
     * Parses a cost cell: {@code 1}, {@code refuse}, {@code stream}, {@code work E},
     * {@code alloc E}, or {@code work E; alloc E}.
     */
    static MemberCost parseCost(String cell, String reason, int parameters) {
        String c = cell.trim();
        if (c.equals("1")) {
            return new MemberCost.Constant(reason);
        }
        if (c.equals("refuse")) {
            return new MemberCost.Refused(reason);
        }
        if (c.equals("stream")) {
            return new MemberCost.Charged(null, null, true, reason);
        }
        CostExpression work = null;
        CostExpression alloc = null;
        for (String part : c.split(";")) {
            String p = part.trim();
            if (p.startsWith("work ") && work == null) {
                work = CostExpression.parse(p.substring(5));
            } else if (p.startsWith("alloc ") && alloc == null) {
                alloc = CostExpression.parse(p.substring(6));
            } else {
                throw new IllegalArgumentException("a cost is 1, refuse, stream, work E, alloc E or work E; alloc E, "
                        + "not '" + cell + "'");
            }
        }
        for (CostExpression e : new CostExpression[] {work, alloc}) {
            if (e != null) {
                checkArguments(e, parameters);
            }
        }
        return new MemberCost.Charged(work, alloc, false, reason);
    }

    private static void checkArguments(CostExpression e, int parameters) {
        if (e instanceof CostExpression.Value v && v.parameter() >= parameters
                || e instanceof CostExpression.Reference r && r.parameter() >= parameters) {
            throw new IllegalArgumentException("the member has " + parameters + " parameters; the cost names one more");
        }
        if (e instanceof CostExpression.Call call) {
            call.arguments().forEach(a -> checkArguments(a, parameters));
        } else if (e instanceof CostExpression.Binary b) {
            checkArguments(b.left(), parameters);
            checkArguments(b.right(), parameters);
        }
    }

    /** Whether the table lists {@code internalName} (it may still refuse all of it). */
    boolean knows(String internalName) {
        return classes.contains(internalName) || HOST_TYPES.contains(internalName);
    }

    /**
     * Lists a host's own API type and the methods and constructors it declares ({@code name} and
     * descriptor each): scripts may use those at cost 1; what it inherits from the JDK is governed
     * by the JDK's lines, as for any class.
     */
    static void addHostType(String internalName, Iterable<String[]> declared) {
        for (String[] m : declared) {
            HOST_MEMBERS.put(internalName + "." + m[0] + "(" + simpleParameters(m[1]) + ")", HOST_COST);
        }
        HOST_TYPES.add(internalName);
        HOST_VERSION.incrementAndGet();
    }

    /** Changes whenever a host type is listed: what was checked before may now resolve differently. */
    static int hostVersion() {
        return HOST_VERSION.get();
    }

    /** The class's default for members it does not list ({@code Class.*}), or null. */
    MemberCost classDefault(String internalName) {
        return classDefaults.get(internalName);
    }

    /** The cost of a method or constructor declared by {@code owner} itself (or its class default), or null. */
    MemberCost method(String owner, String name, String descriptor) {
        String key = owner + "." + name + "(" + simpleParameters(descriptor) + ")";
        MemberCost exact = members.get(key);
        if (exact == null) {
            exact = HOST_MEMBERS.get(key);
        }
        return exact != null ? exact : classDefault(owner);
    }

    /** A field's line, or the class default, or null. */
    MemberCost field(String owner, String name) {
        MemberCost exact = members.get(owner + "." + name);
        return exact != null ? exact : classDefault(owner);
    }

    List<Line> lines() {
        return lines;
    }

    /** {@code (ILjava/util/Map$Entry;[Ljava/lang/Object;)V} → {@code int, Entry, Object[]}. */
    static String simpleParameters(String descriptor) {
        StringBuilder sb = new StringBuilder();
        for (Type t : Type.getArgumentTypes(descriptor)) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            String name = t.getClassName();
            int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
            sb.append(name.substring(cut + 1));
        }
        return sb.toString();
    }
}
