package dev.pitstop.reload.bytecode;

/**
 * One use of something scripts may not use. Immutable; any thread.
 *
 * @param className binary name of the script class it is in
 * @param line      source line of the offending instruction (from the class's line number table),
 *                  or 0 when the class file does not say (a declaration, a class without debug info)
 * @param message   what it uses and why that is denied, e.g. {@code calls java.lang.System.exit(int),
 *                  which scripts may not use (it reaches the JVM and the machine outside the game)}
 */
public record SandboxViolation(String className, int line, String message) { }
