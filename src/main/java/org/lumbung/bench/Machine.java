package org.lumbung.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: processor, cores, memory, load, Java (read from /proc on Linux). */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cpu", procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")));
        m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("memory", procField("/proc/meminfo", "MemTotal").map(Machine::gib).orElse("unknown"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("loadAtStart", load());
        return m;
    }

    /** The 1, 5 and 15 minute load averages. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static java.util.Optional<String> procField(String file, String field) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(field))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String gib(String kb) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", Long.parseLong(kb.replaceAll("\\D", "")) / 1048576.0);
    }
}
