package dev.pitstop.reload;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds lines in script sources for diagnostics that come from class files, which know no lines of
 * declarations: where a class is declared, where a name is first mentioned. Class-files mode has no
 * sources and answers 0 (unknown). Immutable; reload thread.
 */
final class SourceLines {

    static final SourceLines NONE = new SourceLines(Map.of());

    private final Map<String, byte[]> sources;

    SourceLines(Map<String, byte[]> sources) {
        this.sources = sources;
    }

    /** Line of {@code class|interface|enum|record Name} for a binary class name, or 0. */
    long declaration(String file, String binaryName) {
        String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        return find(file, Pattern.compile("\\b(class|interface|enum|record)\\s+" + Pattern.quote(simple) + "\\b"));
    }

    /** Line of the first mention of {@code name} as a word, or 0. */
    long mention(String file, String name) {
        String simple = name.substring(name.lastIndexOf('$') + 1);
        return find(file, Pattern.compile("\\b" + Pattern.quote(simple) + "\\b"));
    }

    private long find(String file, Pattern pattern) {
        byte[] bytes = file == null ? null : sources.get(file);
        if (bytes == null) {
            return 0;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return 0;
        }
        long line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
