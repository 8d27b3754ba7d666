package org.lumbung.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Figures of a running Lumbung process read from outside it: its resident set, its live heap, its /metrics. */
final class RunSampler {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.bench");

    private RunSampler() {
    }

    /** The samples of the run's /metrics, by name (those without labels); none from a run that is gone. */
    static Map<String, Double> metrics(int http) throws InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warn("no metrics from the run: {}", e.toString());
            return Map.of();
        }
        Map<String, Double> out = new HashMap<>();
        for (String line : answer.body().split("\n")) {
            String[] f = line.split(" ");
            if (f.length == 2 && !line.startsWith("#") && !f[0].contains("{")) {
                out.put(f[0], Double.parseDouble(f[1]));
            }
        }
        return out;
    }

    /**
     * The heap in use just after a full collection (jcmd's GC.run, then GC.heap_info): what the process holds live.
     * -1 if jcmd cannot tell.
     */
    static long liveHeap(long pid) throws InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            jcmd(jcmd, pid, "GC.run");
            Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(jcmd(jcmd, pid, "GC.heap_info"));
            long bytes = 0;
            while (used.find()) {
                bytes += Long.parseLong(used.group(1)) * 1024;
            }
            return bytes == 0 ? -1 : bytes;
        } catch (IOException e) {
            LOG.warn("no live heap of process {}: {}", pid, e.toString());
            return -1;
        }
    }

    private static String jcmd(String jcmd, long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("jcmd " + command + ": " + out.strip());
        }
        return out;
    }

    /** The process's resident set now and at its peak (VmRSS, VmHWM), in bytes; -1 where /proc has none. */
    static long[] memory(long pid) {
        long[] out = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    out[line.startsWith("VmRSS:") ? 0 : 1] = Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("no memory figures for process {}: {}", pid, e.toString());
        }
        return out;
    }
}
