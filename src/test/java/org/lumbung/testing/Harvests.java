package org.lumbung.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the harvest command against a test repository with every timing at millisecond scale. */
public final class Harvests {

    /** Settings that make retries, backoff and timeouts fast enough for tests. */
    public static final List<String> FAST = List.of(
            "-Dlumbung.harvest.retry.attempts=4",
            "-Dlumbung.harvest.retry.initial-delay=20ms",
            "-Dlumbung.harvest.retry.max-delay=100ms",
            "-Dlumbung.harvest.retry-after-cap=2s",
            "-Dlumbung.http-client.connect-timeout=1s",
            "-Dlumbung.http-client.read-timeout=1s",
            "-Dlumbung.index.flush-interval=50ms",
            "-Dlumbung.harvest.page-retries=1");

    private Harvests() {
    }

    public static Cli.Result harvest(String baseUrl, String sourceId, String prefix, String... more) {
        return harvestInto(List.of("--es", TestElasticsearch.url().toString(), "--index-prefix", prefix), baseUrl,
                sourceId, more);
    }

    /** A harvest into another Elasticsearch or data folder ({@code --es URL} or {@code --data DIR}, a prefix). */
    public static Cli.Result harvestInto(List<String> target, String baseUrl, String sourceId, String... more) {
        List<String> args = new ArrayList<>(List.of("harvest", baseUrl, "--source", sourceId));
        args.addAll(target);
        args.addAll(FAST);
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The sources' documents (definitions, checkpoints, leases) by id. */
    @SuppressWarnings("rawtypes")
    public static Map<String, Map> sources(String prefix) throws java.io.IOException {
        return TestElasticsearch.documents(prefix + "-sources");
    }

        /** The records' documents by id. */
    @SuppressWarnings("rawtypes")
    public static Map<String, Map> records(String prefix) throws java.io.IOException {
        return TestElasticsearch.documents(prefix + "-records");
    }
}
