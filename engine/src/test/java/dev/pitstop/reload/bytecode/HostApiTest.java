package dev.pitstop.reload.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pitstop.testing.Javac;
import hosttest.HostList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A host's own API: what it declares costs one unit; what it inherits from the JDK is the JDK's. */
class HostApiTest {

    private static List<SandboxViolation> scan(String body) {
        HostApi.allow(HostList.class);
        Map<String, byte[]> classes = Javac.compile(Map.of("h/Script.java", """
                package h;
                public class Script {
                    public Object run(hosttest.HostList list) {
                        %s
                    }
                }
                """.formatted(body)));
        return SandboxScanner.scan(classes);
    }

    @Test
    void whatTheHostTypeDeclaresIsAllowed() {
        assertEquals(List.of(), scan("return list.declaredHere();"));
    }

    @Test
    void whatItInheritsFromTheJdkIsGovernedByTheJdksLines() {
        assertEquals(List.of(), scan("list.add(\"x\"); return list.size();"), "ArrayList's own lines allow these");
        List<SandboxViolation> found = scan("return list.parallelStream();");
        assertEquals(1, found.size(), "refused for Collection, refused through a host type too: " + found);
        assertTrue(found.get(0).message().contains("parallelStream"), found.get(0).message());
    }

    @Test
    void theEnginesAndThePlatformsTypesCannotBeListed() {
        assertThrows(IllegalArgumentException.class, () -> HostApi.allow(String.class));
        assertThrows(IllegalArgumentException.class, () -> HostApi.allow(SandboxScanner.class));
        assertThrows(IllegalArgumentException.class, () -> HostApi.allow(int[].class));
    }
}
