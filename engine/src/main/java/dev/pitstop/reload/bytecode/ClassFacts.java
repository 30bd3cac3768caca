package dev.pitstop.reload.bytecode;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

/**
 * What a class file says about itself, read without loading it: its name, super types, source
 * file attribute, and every class it refers to anywhere (constant pool, descriptors, signatures,
 * instructions, annotations). Immutable; any thread.
 *
 * @param name       binary name ({@code demo.Chaser$1})
 * @param superName  binary name of the super class, or null for {@code java.lang.Object}'s
 * @param interfaces binary names
 * @param sourceFile the {@code SourceFile} attribute ({@code Chaser.java}), or null
 * @param references binary names of every class referred to, itself excluded, sorted
 */
public record ClassFacts(String name, String superName, List<String> interfaces, String sourceFile,
        Set<String> references) {

    /**
     * Reads a class file.
     *
     * @throws IllegalArgumentException if the bytes are not a class file ASM can read
     */
    public static ClassFacts read(byte[] classFile) {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid class file (" + e + ")", e);
        }
        Set<String> refs = new TreeSet<>();
        Remapper collector = new Remapper() {
            @Override
            public String map(String internalName) {
                refs.add(internalName.replace('/', '.'));
                return internalName;
            }
        };
        String[] source = new String[1];
        ClassVisitor sink = new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitSource(String file, String debug) {
                source[0] = file;
            }

            // Visitors, not null: the remapper sees what a visitor is given, so without one it would
            // never read the code, and a class a method calls would be missing from the references.
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) { };
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                return new FieldVisitor(Opcodes.ASM9) { };
            }
        };
        try {
            reader.accept(new ClassRemapper(sink, collector), 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid class file (" + e + ")", e);
        }
        String name = reader.getClassName().replace('/', '.');
        refs.remove(name);
        String superName = reader.getSuperName() == null ? null : reader.getSuperName().replace('/', '.');
        List<String> interfaces = java.util.Arrays.stream(reader.getInterfaces()).map(i -> i.replace('/', '.')).toList();
        return new ClassFacts(name, superName, interfaces, source[0], Collections.unmodifiableSet(refs));
    }

    /** The package part of {@link #name()}, or "" for the unnamed package. */
    public String packageName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
