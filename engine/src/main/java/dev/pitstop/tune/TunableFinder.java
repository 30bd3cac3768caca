package dev.pitstop.tune;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Finds the tunables of one source file with javac's parser alone (no attribution, so it costs
 * about a millisecond per file and needs no class path): every {@code static final} int, long,
 * float, double or boolean field of every class declared in it, nested ones included, whose
 * initializer is one literal, optionally negated, with the literal's exact place in the file's
 * bytes. Fields of interfaces count as the static final fields they are. A file that is not UTF-8,
 * or that the parser cannot take (a stack overflow on absurd nesting, a crash), offers nothing.
 *
 * <p>One thread at a time (the tune thread): javac's objects are not thread-safe.
 */
final class TunableFinder {

    private static final List<String> OPTIONS = List.of("-proc:none");
    private static final Set<String> RANGE_NAMES = Set.of("Range", "dev.pitstop.api.Range");

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;

    /** @throws IllegalStateException on a Java without a compiler (a JRE) */
    TunableFinder() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler (javax.tools); run Pitstop on a JDK");
        }
        files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            // Parsing needs no class path, and an empty processor path spares every parse javac's
            // search for plugins, which opened every jar of the engine's class path each time.
            files.setLocation(StandardLocation.CLASS_PATH, List.of());
            files.setLocation(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot set up the parser: " + e.getMessage(), e);
        }
    }

    /** The tunables of {@code content}, the bytes of {@code file} (relative to the script folder). */
    ScannedFile scan(String file, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return ScannedFile.NONE; // offsets would not map to bytes: leave the file alone
        }
        try {
            return parse(file, text, content);
        } catch (StackOverflowError | RuntimeException e) {
            // javac's parser recurses on nesting; a file it cannot take simply has nothing to tune.
            return ScannedFile.NONE;
        }
    }

    private ScannedFile parse(String file, String text, byte[] content) {
        JavaFileObject source = new SimpleJavaFileObject(URI.create("tunables:///" + file.replace(' ', '_')),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        // javac's own report of a crash (a stack overflow, say) would go to stderr: nobody needs it.
        JavacTask task = (JavacTask) javac.getTask(java.io.Writer.nullWriter(), files, d -> { }, OPTIONS, null,
                List.of(source));
        Iterable<? extends CompilationUnitTree> units;
        try {
            units = task.parse();
        } catch (java.io.IOException e) {
            return ScannedFile.NONE;
        }
        if (units == null) {
            return ScannedFile.NONE;
        }
        Walk walk = new Walk(file, text, content, Trees.instance(task).getSourcePositions());
        for (CompilationUnitTree unit : units) {
            walk.unit = unit;
            String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
            for (Tree type : unit.getTypeDecls()) {
                if (type instanceof ClassTree c) {
                    walk.type(c, pkg, "");
                }
            }
        }
        return new ScannedFile(walk.found, walk.untunable);
    }

    /** One file's walk over its classes. */
    private static final class Walk {
        final String file;
        final String text;
        final byte[] content;
        final SourcePositions positions;
        final int[] byteOffsets;
        final List<Tunable> found = new ArrayList<>();
        final Map<String, String> untunable = new LinkedHashMap<>();
        CompilationUnitTree unit;

        Walk(String file, String text, byte[] content, SourcePositions positions) {
            this.file = file;
            this.text = text;
            this.content = content;
            this.positions = positions;
            this.byteOffsets = byteOffsets(text);
        }

        void type(ClassTree c, String pkg, String outer) {
            String owner = outer.isEmpty() ? c.getSimpleName().toString() : outer + "." + c.getSimpleName();
            boolean implicitConstants = c.getKind() == Tree.Kind.INTERFACE || c.getKind() == Tree.Kind.ANNOTATION_TYPE;
            for (Tree member : c.getMembers()) {
                if (member instanceof ClassTree nested) {
                    type(nested, pkg, owner);
                } else if (member instanceof VariableTree v) {
                    field(v, pkg, owner, implicitConstants);
                }
            }
        }

        void field(VariableTree v, String pkg, String owner, boolean implicitConstants) {
            Set<Modifier> flags = v.getModifiers().getFlags();
            boolean constant = implicitConstants || flags.contains(Modifier.STATIC) && flags.contains(Modifier.FINAL);
            String name = owner + "." + v.getName();
            String qualified = pkg.isEmpty() ? name : pkg + "." + name;
            if (!constant) {
                untunable.put(qualified, "it is not a static final field");
                return;
            }
            TunableType type = v.getType() instanceof PrimitiveTypeTree p
                    ? TunableType.of(p.getPrimitiveTypeKind().name().toLowerCase(Locale.ROOT)) : null;
            if (type == null) {
                untunable.put(qualified, "it is of type " + v.getType() + "; only int, long, float, double and boolean "
                        + "constants can be tuned");
                return;
            }
            ExpressionTree init = v.getInitializer();
            if (init == null) {
                untunable.put(qualified, "it has no initializer (it is assigned elsewhere)");
                return;
            }
            Tunable t = literal(init, type, name, qualified, owner, range(v.getModifiers()));
            if (t == null) {
                untunable.put(qualified, "its value is computed (" + oneLine(init) + "), not one literal: edit the source");
            } else {
                found.add(t);
            }
        }

        /** The tunable whose initializer is {@code init}, or null if it is not one (negated) literal. */
        Tunable literal(ExpressionTree init, TunableType type, String name, String qualified, String owner,
                RangeHint range) {
            LiteralTree lit;
            boolean unaryMinus = false;
            if (init instanceof LiteralTree l) {
                lit = l;
            } else if (init.getKind() == Tree.Kind.UNARY_MINUS && ((UnaryTree) init).getExpression() instanceof LiteralTree l) {
                lit = l;
                unaryMinus = true;
            } else {
                return null;
            }
            boolean isBoolean = lit.getKind() == Tree.Kind.BOOLEAN_LITERAL;
            boolean isNumber = switch (lit.getKind()) {
                case INT_LITERAL, LONG_LITERAL, FLOAT_LITERAL, DOUBLE_LITERAL -> true;
                default -> false;
            };
            if (type == TunableType.BOOLEAN ? !isBoolean || unaryMinus : !isNumber) {
                return null;
            }
            int start = (int) positions.getStartPosition(unit, init);
            int end = (int) positions.getEndPosition(unit, init);
            if (start < 0 || end <= start || end > text.length()) {
                return null;
            }
            // javac folds a minus into a decimal int or long literal ("-40", "- 40"); others stay a unary minus.
            int literalStart = text.charAt(start) == '-' ? skipBlanks(start + 1, end) : start;
            if (literalStart >= end) {
                return null;
            }
            BigDecimal number = null;
            if (!isBoolean) {
                number = numberOf(lit.getValue());
                if (number == null) {
                    return null;
                }
                if (unaryMinus) {
                    number = number.negate();
                }
            }
            int byteStart = byteOffsets[start];
            int byteLiteral = byteOffsets[literalStart];
            int byteEnd = byteOffsets[end];
            String valueText = text.substring(start, end);
            String literalText = text.substring(literalStart, end);
            if (!sameBytes(byteLiteral, byteEnd, literalText)) {
                return null;
            }
            long line = unit.getLineMap().getLineNumber(literalStart);
            return new Tunable(name, qualified, owner, type, file, line, byteStart, byteEnd, byteLiteral, byteEnd,
                    valueText, number, range);
        }

        /** Past whitespace and comments from {@code i}, up to {@code end}. */
        int skipBlanks(int i, int end) {
            while (i < end) {
                char ch = text.charAt(i);
                if (Character.isWhitespace(ch)) {
                    i++;
                } else if (text.startsWith("/*", i)) {
                    int close = text.indexOf("*/", i + 2);
                    i = close < 0 ? end : close + 2;
                } else if (text.startsWith("//", i)) {
                    int nl = text.indexOf('\n', i);
                    i = nl < 0 ? end : nl + 1;
                } else {
                    break;
                }
            }
            return i;
        }

        /** The literal is ASCII: its bytes in the file must be its characters, or the offsets are wrong. */
        boolean sameBytes(int from, int to, String ascii) {
            if (to - from != ascii.length() || to > content.length) {
                return false;
            }
            for (int i = 0; i < ascii.length(); i++) {
                if (content[from + i] != (byte) ascii.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        RangeHint range(ModifiersTree modifiers) {
            for (AnnotationTree a : modifiers.getAnnotations()) {
                if (!RANGE_NAMES.contains(a.getAnnotationType().toString())) {
                    continue;
                }
                Double min = null;
                Double max = null;
                for (ExpressionTree arg : a.getArguments()) {
                    if (arg instanceof AssignmentTree as && as.getVariable() instanceof IdentifierTree id) {
                        Double value = constantOf(as.getExpression());
                        if (id.getName().contentEquals("min")) {
                            min = value;
                        } else if (id.getName().contentEquals("max")) {
                            max = value;
                        }
                    }
                }
                if (min != null && max != null && min < max && Double.isFinite(min) && Double.isFinite(max)) {
                    return new RangeHint(min, max);
                }
            }
            return null;
        }

        String oneLine(ExpressionTree init) {
            int start = (int) positions.getStartPosition(unit, init);
            int end = (int) positions.getEndPosition(unit, init);
            String s = start >= 0 && end > start && end <= text.length() ? text.substring(start, end) : init.toString();
            s = s.replaceAll("\\s+", " ");
            return s.length() > 60 ? s.substring(0, 57) + "..." : s;
        }
    }

    /** A (negated) numeric literal's value, or null. */
    private static Double constantOf(ExpressionTree e) {
        if (e instanceof LiteralTree l && l.getValue() instanceof Number n) {
            return n.doubleValue();
        }
        if (e.getKind() == Tree.Kind.UNARY_MINUS && ((UnaryTree) e).getExpression() instanceof LiteralTree l
                && l.getValue() instanceof Number n) {
            return -n.doubleValue();
        }
        return null;
    }

    private static BigDecimal numberOf(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? new BigDecimal(ValueSyntax.shortest(f)) : null;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? new BigDecimal(ValueSyntax.shortest(d)) : null;
        }
        return null;
    }

    /** For each char offset of {@code text} (and its end), the byte offset of the same place in its UTF-8 encoding. */
    static int[] byteOffsets(String text) {
        int[] at = new int[text.length() + 1];
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            at[i] = bytes;
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4; // the pair is one code point; its low half adds nothing
                at[++i] = bytes;
            } else {
                bytes += 3;
            }
        }
        at[text.length()] = bytes;
        return at;
    }
}
