package org.lumbung.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcSink;
import org.lumbung.harvest.DeadLetters;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.OaiPage;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.harvest.RecordSink;
import org.lumbung.ingest.PageReader.Loaded;
import org.lumbung.landing.BinaryDetector;
import org.lumbung.landing.HtmlMetaExtractor;
import org.lumbung.landing.IngestReport;
import org.lumbung.landing.IngestRequest;
import org.lumbung.landing.PageCharset;
import org.lumbung.landing.PageFetcher;
import org.lumbung.landing.PageInput;
import org.lumbung.landing.PageRecords;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.pipeline.RecordFailure.Stage;
import org.lumbung.pipeline.SourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests files, folders and URLs: landing pages (HTML or text dumps) become records through the extractors and go
 * to the {@link DcSink}; saved OAI-PMH responses go to the {@link RecordSink} like harvested pages. A document that
 * cannot be read (missing, empty, not text) or yields no record is reported with its location and reason and left in
 * the dead letters; the others go on.
 */
public final class PageIngester {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.ingest");
    /** The source of files given without a source or an address. */
    private static final String LOCAL_PAGES = "local-pages";

    private final PageReader reader;
    private final DcSink dcSink;
    private final RecordSink recordSink;
    private final OaiPageParser oaiParser = new OaiPageParser();
    private final PageRecords pageRecords;
    private final DeadLetters deadLetters;

    public PageIngester(PageFetcher pages, LanguageDetector detector, DcSink dcSink, RecordSink recordSink,
                        DeadLetters deadLetters) {
        this.reader = new PageReader(pages);
        this.pageRecords = new PageRecords(detector);
        this.dcSink = dcSink;
        this.recordSink = recordSink;
        this.deadLetters = deadLetters;
    }

    /** An ingester whose failures are only logged (tests and benchmarks without Elasticsearch). */
    public PageIngester(PageFetcher pages, LanguageDetector detector, DcSink dcSink, RecordSink recordSink) {
        this(pages, detector, dcSink, recordSink, DeadLetters.LOG_ONLY);
    }

    public IngestReport ingest(IngestRequest request) {
        long start = System.nanoTime();
        List<Delivery> deliveries = new ArrayList<>();
        List<RecordFailure> failures = new ArrayList<>();
        int[] counts = {0, 0, 0};
        String sourceId = request.sourceId();
        PageReader.Visitor visitor = new PageReader.Visitor() {
            @Override
            public void document(Loaded loaded) {
                counts[0]++;
                try {
                    deliveries.add(ingest(loaded, sourceId));
                } catch (IngestException e) {
                    failed(new RecordFailure(e.sourceId, loaded.location(), e.stage, e.getMessage()));
                }
            }

            @Override
            public void unchanged(String url) {
                counts[1]++;
            }

            @Override
            public void retried(int retries) {
                counts[2] += retries;
            }

            @Override
            public void failed(String location, String reason) {
                failed(new RecordFailure(sourceOf(sourceId, location), location, Stage.READ, reason));
            }

            private void failed(RecordFailure failure) {
                failures.add(failure);
                deadLetters.add(failure, null);
            }
        };
        Outcome outcome = new Outcome(0, 0, failures);
        try {
            for (PageInput input : request.inputs()) {
                reader.read(input, visitor);
            }
            outcome = new Outcome(0, 0, failures);
            for (Delivery delivery : deliveries) {
                outcome = outcome.plus(delivery.await());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new IngestReport(counts[0], outcome.indexed(), outcome.deleted(), counts[1], outcome.failures(),
                counts[2], (System.nanoTime() - start) / 1e9, outcome.unchanged());
    }

    /** Ingests one file dropped into the inbox; a failure is an exception, so that the file goes to failed/. */
    public IngestReport ingestFile(String path) {
        IngestReport report = ingest(new IngestRequest(null, List.of(new PageInput(path, null))));
        if (!report.complete()) {
            throw new IllegalStateException(report.failures().get(0).reason());
        }
        return report;
    }

    private Delivery ingest(Loaded loaded, String sourceId) throws IngestException {
        String refusal = loaded.bytes().length == 0 ? "empty: nothing to read"
                : BinaryDetector.refusal(loaded.bytes(), loaded.contentType());
        if (refusal != null) {
            throw new IngestException(sourceOf(sourceId, loaded.location()), Stage.READ, refusal);
        }
        String head = new String(loaded.bytes(), 0, Math.min(loaded.bytes().length, 2048), StandardCharsets.UTF_8);
        if (head.toLowerCase(Locale.ROOT).contains("<oai-pmh")) {
            return ingestOaiResponse(loaded, sourceId);
        }
        String content = PageCharset.decode(loaded.bytes(), loaded.contentType());
        boolean html = PageRecords.looksLikeHtml(head);
        String url = loaded.url();
        if (url == null && html) {
            url = HtmlMetaExtractor.declaredUrl(Jsoup.parse(content));
        }
        if (url == null) {
            url = Path.of(loaded.location()).toAbsolutePath().toUri().toString();
            LOG.warn("{} has no address (give one with --url); its record is identified by {}", loaded.location(), url);
        }
        String source = sourceId != null ? sourceId : sourceFor(url);
        try {
            DcRecord record = pageRecords.read(url, content, html, source, loaded.location());
            return dcSink.accept(new DcBatch(source, List.of(record), List.of()));
        } catch (IllegalArgumentException e) {
            throw new IngestException(source, Stage.EXTRACT, e.getMessage());
        }
    }

    private Delivery ingestOaiResponse(Loaded loaded, String sourceId) throws IngestException {
        String location = loaded.location();
        try {
            OaiPage page = oaiParser.parse(new ByteArrayInputStream(loaded.bytes()),
                    sourceId == null ? "-" : sourceId, location, null);
            String source = sourceId != null ? sourceId
                    : page.baseUrl() != null && !page.baseUrl().isEmpty() ? SourceId.fromUrl(page.baseUrl())
                    : SourceId.slug(Path.of(location).getFileName().toString());
            return recordSink.accept(new RecordBatch(source, location, page.records()));
        } catch (HarvestException e) {
            throw new IngestException(sourceOf(sourceId, location), Stage.READ, e.reason());
        }
    }

    /** The source of a document that could not be read: the one given, or its host's pages, or local pages. */
    private static String sourceOf(String sourceId, String location) {
        return sourceId != null ? sourceId
                : location.matches("(?i)https?://.*") ? sourceFor(location) : LOCAL_PAGES;
    }

    /** The source of a page given none: its host's pages. */
    static String sourceFor(String url) {
        String host = URI.create(url).getHost();
        return host == null ? LOCAL_PAGES : SourceId.slug(host.replaceFirst("^www\\.", "")) + "-pages";
    }

    /** A document that cannot become a record, with its source and the stage that refused it. */
    private static final class IngestException extends Exception {

        private static final long serialVersionUID = 1L;
        private final String sourceId;
        private final Stage stage;

        IngestException(String sourceId, Stage stage, String reason) {
            super(reason);
            this.sourceId = sourceId;
            this.stage = stage;
        }
    }
}
