package org.lumbung.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lumbung.config.Components;
import org.lumbung.config.Settings;
import org.lumbung.dc.DcRecord;
import org.lumbung.ingest.PageIngester;
import org.lumbung.landing.IngestReport;
import org.lumbung.landing.IngestRequest;
import org.lumbung.landing.PageInput;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A landing page read into its record, as {@code ingest} reads a saved page (the file read, HTML told from a text
 * dump, every scheme weighed, languages detected), on one core. One page is one record: records per second.
 */
public class LandingBenchmark extends OneCore {

    @Param({"fixtures/landing/ojs3-default-theme-page.html", "fixtures/landing/dspace-item-page.html",
        "fixtures/landing/eprints-abstract-page.html", "fixtures/landing/jsonld-publisher-article.html",
        "lumbung/seeds/000_ffdeb9f15db1918e.txt"})
    public String page;

    private final List<DcRecord> read = new ArrayList<>();
    private PageIngester ingester;
    private IngestRequest request;
    private Path file;

    @Setup
    public void load() throws Exception {
        file = Files.createTempFile("lumbung-landing-", page.substring(page.lastIndexOf('.')));
        Files.write(file, Fixtures.bytes(page));
        ingester = new PageIngester(null, Components.detector(Settings.defaults()), batch -> {
            read.addAll(batch.records());
            return Delivery.done(new Outcome(batch.records().size(), 0, List.of()));
        }, batch -> {
            throw new IllegalStateException(page + " is an OAI-PMH response, not a landing page");
        });
        request = new IngestRequest("bench-pages", List.of(new PageInput(file.toString(),
                "https://journal.bench.lumbung.test/article/view/1")));
        if (ingester.ingest(request).failures().size() > 0 || read.isEmpty()) {
            throw new IllegalStateException(page + " does not become a record");
        }
    }

    @Benchmark
    public IngestReport extract(Records counted) {
        read.clear();
        IngestReport report = ingester.ingest(request);
        counted.records += read.size();
        return report;
    }

    @TearDown
    public void delete() throws Exception {
        Files.deleteIfExists(file);
    }
}
