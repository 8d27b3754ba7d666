package org.lumbung.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.main.Main;
import org.lumbung.App;
import org.lumbung.config.Lumbung;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs Lumbung: Elasticsearch, the sources of the seed list (each once at start, then on its schedule) and the HTTP
 * API, until Ctrl-C.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run Lumbung: harvest the seed sources now and on their schedules, serve search and health.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--host", paramLabel = "HOST", description = "Address the HTTP API listens on; default 127.0.0.1.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port of the HTTP API; default 8080.")
    Integer port;

    @Option(names = "--seeds", paramLabel = "FILE", description = "The source list; default seeds/sources.yaml.")
    Path seeds;

    @Option(names = "--routes", paramLabel = "DIR",
            description = "A folder of *.camel.yaml routes to use instead, laid out as camel-routes/ (pipeline/, server/).")
    Path routes;

    @Override
    public Integer call() throws Exception {
        Map<String, String> more = new HashMap<>();
        if (host != null) {
            more.put("lumbung.http.host", host);
        }
        if (port != null) {
            more.put("lumbung.http.port", port.toString());
        }
        if (seeds != null) {
            more.put("lumbung.seeds", seeds.toString());
        }
        if (routes != null) {
            more.put("lumbung.routes", routes.toString());
        }
        try (Lumbung lumbung = Lumbung.start(common.settings(more))) {
            Main main = lumbung.camel(true);
            main.run();
            return App.OK;
        }
    }
}
