package dev.pitstop.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The local addresses of the TCP sockets listening on a port, read from Linux's /proc/net/tcp and
 * /proc/net/tcp6: what a socket is bound to, seen from outside the process, without connecting to
 * anything. Linux only.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    public static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    public static List<InetAddress> on(int port) throws IOException {
        List<InetAddress> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                // "  sl  local_address rem_address   st ...": the local address is HEXIP:HEXPORT.
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                    found.add(address(local[0]));
                }
            }
        }
        return found;
    }

    /** The kernel prints the address as 32-bit words in the machine's byte order. */
    private static InetAddress address(String hex) throws IOException {
        byte[] words = HexFormat.of().parseHex(hex);
        if (ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN) {
            return InetAddress.getByAddress(words);
        }
        byte[] bytes = new byte[words.length];
        for (int w = 0; w < words.length; w += 4) {
            for (int b = 0; b < 4; b++) {
                bytes[w + b] = words[w + 3 - b];
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
