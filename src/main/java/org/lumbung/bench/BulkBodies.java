package org.lumbung.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.OaiPage;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.index.DocumentMapper;
import org.lumbung.index.EsConnection;
import org.lumbung.index.JsonBytes;

/**
 * The ceilings' request bodies: the corpus's pages read as Lumbung reads them (the same parser, crosswalks and
 * document mapper), written as {@code _bulk} bodies of {@value #BATCH} index operations, ready to post as they are:
 * Lumbung's own documents ({@code bulk/}), and the same records as plain Dublin Core, their 15 elements alone
 * ({@code plain/}). Each body is two pages; they are made in parallel, since nothing of this is measured.
 */
final class BulkBodies {

    static final int BATCH = 1000;
    private static final int PAGES_PER_BODY = BATCH / Corpus.PAGE_SIZE;
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final JsonBytes DOCUMENTS = new JsonBytes(EsConnection.jsonMapper());

    private BulkBodies() {
    }

    /** The two kinds of body: Lumbung's documents, and plain Dublin Core. */
    enum Kind {
        OWN("bulk"), PLAIN("plain");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }
    }

    static Path body(Corpus corpus, Kind kind, int j) {
        return corpus.dir().resolve(kind.folder).resolve(String.format(Locale.ROOT, "%06d.ndjson", j));
    }

    static int count(Corpus corpus) {
        return (corpus.pages() + PAGES_PER_BODY - 1) / PAGES_PER_BODY;
    }

    static void write(Corpus corpus, String sourceId, Crosswalks crosswalks) throws IOException {
        for (Kind kind : Kind.values()) {
            Files.createDirectories(corpus.dir().resolve(kind.folder));
        }
        Instant indexedAt = Instant.now();
        try {
            IntStream.range(0, count(corpus)).parallel().forEach(j -> writeBody(corpus, j, sourceId, crosswalks,
                    indexedAt));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeBody(Corpus corpus, int j, String sourceId, Crosswalks crosswalks, Instant indexedAt) {
        OaiPageParser parser = new OaiPageParser();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(body(corpus, Kind.OWN, j)), 1 << 16);
             OutputStream plain = new BufferedOutputStream(Files.newOutputStream(body(corpus, Kind.PLAIN, j)), 1 << 16)) {
            for (int k = j * PAGES_PER_BODY; k < Math.min(corpus.pages(), (j + 1) * PAGES_PER_BODY); k++) {
                Path page = corpus.page(k);
                OaiPage parsed = parser.parse(Files.readAllBytes(page), sourceId, page.toString(), "oai_dc");
                DcBatch batch = crosswalks.toDc(new RecordBatch(sourceId, page.toString(), parsed.records()));
                if (!batch.failures().isEmpty()) {
                    throw new IllegalStateException("the generator made a record Lumbung cannot read: "
                            + batch.failures().get(0));
                }
                for (DcRecord record : batch.records()) {
                    // The ids are short: Lumbung's shortening of ids past 512 bytes never applies to them.
                    byte[] action = JSON.writeValueAsBytes(Map.of("index", Map.of("_id", record.id())));
                    // As a harvest writes it: rendered by the client's mapper, with its fingerprint.
                    ByteArrayOutputStream document = new ByteArrayOutputStream(16 * 1024);
                    DOCUMENTS.document(DocumentMapper.toDocument(record, indexedAt)).json().writeTo(document);
                    writeLines(out, action, document.toByteArray());
                    writeLines(plain, action, JSON.writeValueAsBytes(plain(record)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (HarvestException e) {
            throw new IllegalStateException("the generator wrote a page Lumbung cannot parse: " + e.getMessage(), e);
        }
    }

    private static void writeLines(OutputStream out, byte[] action, byte[] document) throws IOException {
        out.write(action);
        out.write('\n');
        out.write(document);
        out.write('\n');
    }

    /** The record as plain Dublin Core: each element's values under its term, nothing else. */
    private static Map<String, List<String>> plain(DcRecord record) {
        Map<String, List<String>> dc = new LinkedHashMap<>();
        for (DcElement element : record.elements().keySet()) {
            dc.put(element.term(), record.values(element));
        }
        return dc;
    }

    /** The bodies of one kind in order. */
    static List<Path> all(Corpus corpus, Kind kind) {
        List<Path> bodies = new ArrayList<>();
        for (int j = 0; j < count(corpus); j++) {
            bodies.add(body(corpus, kind, j));
        }
        return bodies;
    }
}
