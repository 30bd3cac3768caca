package dev.pitstop.app;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code --debug} opens the JVM's debugger port (JDWP): {@code PORT} alone on 127.0.0.1, so
 * that only this machine can attach; {@code HOST:PORT} where asked ({@code *} or {@code 0.0.0.0}
 * for every interface, a host name, an IPv4 address or a bracketed IPv6 one). The launchers
 * ({@code pitstop}, {@code pitstop.cmd}) apply the same rules to decide whether to start the JVM
 * with the agent, since an address the agent cannot use would abort the JVM before this check could
 * say why; a test holds them to it. Main thread.
 *
 * @param host where the port listens, as the agent is given it
 * @param port 1 to 65535
 */
record DebugAddress(String host, int port) {

    static final String LOOPBACK = "127.0.0.1";

    /** The launchers' pattern too: keep them in step (see DebugOptionTest). */
    private static final Pattern VALUE =
            Pattern.compile("((\\*|[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):)?([1-9][0-9]{0,4})");

    static DebugAddress parse(String value) throws UsageError {
        Matcher m = VALUE.matcher(value);
        if (m.matches()) {
            int port = Integer.parseInt(m.group(3));
            if (port <= 65535) {
                return new DebugAddress(m.group(2) == null ? LOOPBACK : m.group(2), port);
            }
        }
        throw new UsageError("--debug must be PORT (1-65535, on 127.0.0.1) or HOST:PORT, not '" + value + "'");
    }

    /** The agent's {@code address=} value. */
    String jdwp() {
        return host + ":" + port;
    }

    /**
     * Whether only this machine can reach the port. Literal loopback addresses only: a host name is
     * whatever the resolver makes of it.
     */
    boolean loopback() {
        return host.matches("127(\\.[0-9]{1,3}){3}") || host.equals("[::1]");
    }

    /** The warning for a port others may reach, or null. */
    String exposureWarning() {
        if (loopback()) {
            return null;
        }
        String where = host.equals("*") || host.equals("0.0.0.0") || host.equals("[::]") ? "every network interface"
                : host;
        return "--debug " + jdwp() + ": the debugger port listens on " + where + ": anyone who can reach port " + port
                + " can attach and run any code in the game, as you (--debug " + port + " keeps it on this machine)";
    }

    /** Whether this JVM runs the JDWP agent (the launchers add it for a good {@code --debug}). */
    static boolean agentLoaded() {
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-agentlib:jdwp") || arg.startsWith("-Xrunjdwp")
                    || arg.startsWith("-agentpath:") && arg.contains("jdwp")) {
                return true;
            }
        }
        return false;
    }
}
