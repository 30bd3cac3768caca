package dev.pitstop.compile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The in-memory files of {@link ScriptCompiler}: sources given as bytes, classes compiled before
 * offered as if on the class path, classes made collected in memory, and a file manager that hides
 * the class path's packages scripts may not see. Used by the one thread that compiles.
 */
final class MemoryFiles {

    private MemoryFiles() {
    }

    static final class SourceFile extends SimpleJavaFileObject {
        final String relativePath;
        private final String text;

        SourceFile(String relativePath, String text) {
            super(URI.create("script:///" + encodePath(relativePath)), Kind.SOURCE);
            this.relativePath = relativePath;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }

        @Override
        public String getName() {
            return relativePath;
        }
    }

    private static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(encodeSegment(part));
        }
        return sb.toString();
    }

    private static String encodeSegment(String s) {
        try {
            return new URI(null, null, s, null).getRawPath();
        } catch (java.net.URISyntaxException e) {
            return s.replaceAll("[^A-Za-z0-9._-]", "_");
        }
    }

    static final class ClassOutput extends SimpleJavaFileObject {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ClassOutput(String className) {
            super(URI.create("mem:///" + className.replace('.', '/') + ".class"), Kind.CLASS);
        }

        @Override
        public OutputStream openOutputStream() {
            return bytes;
        }
    }

    /** A script class compiled before, offered to javac as if it were on the class path. */
    static final class ClassInput extends SimpleJavaFileObject {
        final String binaryName;
        private final byte[] bytes;

        ClassInput(String binaryName, byte[] bytes) {
            super(URI.create("mem:///" + binaryName.replace('.', '/') + ".class"), Kind.CLASS);
            this.binaryName = binaryName;
            this.bytes = bytes;
        }

        @Override
        public java.io.InputStream openInputStream() {
            return new java.io.ByteArrayInputStream(bytes);
        }
    }

    /** Collects javac's output in memory and hides the class path's packages other than the visible ones. */
    static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ClassOutput> outputs = new LinkedHashMap<>();
        private final Map<String, String> sourceOf = new HashMap<>();
        private final Map<String, List<JavaFileObject>> compiledByPackage = new HashMap<>();
        /** Null: every package is visible. */
        private final List<String> visiblePackages;

        MemoryFileManager(StandardJavaFileManager standard, List<String> visiblePackages) {
            super(standard);
            this.visiblePackages = visiblePackages;
        }

        /** Forgets the last compile's classes and offers {@code compiled} to the next. */
        void prepare(Map<String, byte[]> compiled) {
            outputs.clear();
            sourceOf.clear();
            compiledByPackage.clear();
            compiled.forEach((name, bytes) -> {
                int dot = name.lastIndexOf('.');
                String pkg = dot < 0 ? "" : name.substring(0, dot);
                compiledByPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(new ClassInput(name, bytes));
            });
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof ClassInput c ? c.binaryName : super.inferBinaryName(location, file);
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            return a instanceof ClassInput || b instanceof ClassInput ? a == b : super.isSameFile(a, b);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            ClassOutput out = new ClassOutput(className);
            outputs.put(className, out);
            if (sibling instanceof SourceFile s) {
                sourceOf.put(className, s.relativePath);
            }
            return out;
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                boolean recurse) throws IOException {
            if (location != StandardLocation.CLASS_PATH) {
                return super.list(location, packageName, kinds, recurse);
            }
            List<JavaFileObject> found = new ArrayList<>();
            if (visible(packageName)) {
                super.list(location, packageName, kinds, recurse).forEach(found::add);
            }
            if (kinds.contains(JavaFileObject.Kind.CLASS)) {
                compiledByPackage.forEach((pkg, classes) -> {
                    if (pkg.equals(packageName) || recurse && pkg.startsWith(packageName + ".")) {
                        found.addAll(classes);
                    }
                });
            }
            return found;
        }

        @Override
        public void close() {
            // The standard manager is shared across compiles; keep it open.
        }

        private boolean visible(String packageName) {
            if (visiblePackages == null) {
                return true;
            }
            for (String p : visiblePackages) {
                if (packageName.equals(p) || packageName.startsWith(p + ".")) {
                    return true;
                }
            }
            return false;
        }

        Map<String, byte[]> classes() {
            Map<String, byte[]> m = new LinkedHashMap<>();
            outputs.forEach((name, out) -> m.put(name, out.bytes.toByteArray()));
            return m;
        }

        Map<String, String> sourceOf() {
            return new HashMap<>(sourceOf);
        }
    }
}
