package dev.pitstop.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line saying what machine and JVM the numbers come from. Any thread. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(' ')
                .append(System.getProperty("os.arch"));
        sb.append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores");
        String cpu = cpuModel();
        if (cpu != null) {
            sb.append(" (").append(cpu).append(')');
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            sb.append(String.format(Locale.ROOT, ", %.0f GiB RAM", os.getTotalMemorySize() / (double) (1L << 30)));
        }
        sb.append(", ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version"));
        return sb.toString();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip().replaceAll("\\s+", " ");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the rest of the line still says enough
        }
        return null;
    }
}
