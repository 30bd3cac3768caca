package dev.pitstop.reload.bytecode;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** Class and member names as a Java programmer writes them, for messages. Any thread. */
final class Names {

    private Names() {
    }

    /** {@code java.lang.String}, {@code int[]}, {@code java.util.Map.Entry} stays {@code java.util.Map$Entry}. */
    static String type(String internalNameOrDescriptor) {
        if (internalNameOrDescriptor.startsWith("[")) {
            return Type.getType(internalNameOrDescriptor).getClassName();
        }
        return internalNameOrDescriptor.replace('/', '.');
    }

    /** {@code java.lang.System.exit(int)}, {@code new java.util.Random(long)}. */
    static String method(String owner, String name, String descriptor) {
        StringBuilder sb = new StringBuilder();
        if (name.equals("<init>")) {
            sb.append("new ").append(type(owner));
        } else {
            sb.append(type(owner)).append('.').append(name);
        }
        sb.append('(');
        Type[] args = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String full = args[i].getClassName();
            sb.append(full.substring(full.lastIndexOf('.') + 1));
        }
        return sb.append(')').toString();
    }

    static String handle(Handle h) {
        return h.getTag() <= Opcodes.H_PUTSTATIC ? type(h.getOwner()) + "." + h.getName()
                : method(h.getOwner(), h.getName(), h.getDesc());
    }
}
