package org.lumbung.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Properties;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.index.IndexLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N synthetic records rendered beforehand into a folder, so that neither side of the benchmark pays for making them:
 * the OAI-PMH answers the page server sends (Identify, then ListRecords pages of 500 records chained by resumption
 * tokens) and the {@code _bulk} bodies of the ceiling ({@link BulkBodies}). A folder rendered by the same generator
 * version, seed and size is reused.
 */
final class Corpus {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.bench");
    static final int PAGE_SIZE = 500;
    /** Changes whenever the generator or the documents change, so that an old folder is rendered again. */
    private static final String VERSION = "1";
    private static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";
    /** What the pages say their base URL is: the server's port is chosen when it starts, after they are written. */
    private static final String BASE_URL = "http://127.0.0.1/oai";

    private final Path dir;
    private final int records;
    private final int pageSize;

    private Corpus(Path dir, int records, int pageSize) {
        this.dir = dir;
        this.records = records;
        this.pageSize = pageSize;
    }

    /**
     * The corpus of this size under {@code root}, rendered now unless an identical one is there; with the ceiling's
     * {@code _bulk} bodies when {@code crosswalks} is given (a memory run needs none), made now if they are missing or
     * were written for another index template version.
     */
    static Corpus prepare(Path root, int records, long seed, String sourceId, Crosswalks crosswalks)
            throws IOException {
        return prepare(root.resolve("n" + records), records, PAGE_SIZE, seed, sourceId, crosswalks);
    }

    /**
     * The corpus in {@code dir} with pages of {@code pageSize} records, as the fleet serves it (a journal's repository
     * answers a hundred records a page, not five hundred); the ceiling's bodies need pages of {@link #PAGE_SIZE}.
     */
    static Corpus prepare(Path dir, int records, int pageSize, long seed, String sourceId, Crosswalks crosswalks)
            throws IOException {
        if (crosswalks != null && pageSize != PAGE_SIZE) {
            throw new IllegalArgumentException("the _bulk bodies are made from pages of " + PAGE_SIZE + " records");
        }
        Corpus corpus = new Corpus(dir, records, pageSize);
        Properties wanted = new Properties();
        wanted.setProperty("version", VERSION);
        wanted.setProperty("records", Integer.toString(records));
        wanted.setProperty("pageSize", Integer.toString(pageSize));
        wanted.setProperty("seed", Long.toString(seed));
        wanted.setProperty("sourceId", sourceId);
        Path manifest = corpus.dir.resolve("corpus.properties");
        Properties found = read(manifest);
        // The bodies hold documents of one index template version, and plain ones beside them since the plain
        // ceiling came, and fingerprints since documents carry them: another Lumbung's are rendered again.
        String bodiesFor = "template-" + IndexLayout.TEMPLATE_VERSION + "-plain-fingerprint";
        boolean bodies = bodiesFor.equals(found.remove("bodies"));
        long start = System.nanoTime();
        if (!wanted.equals(found)) {
            Files.createDirectories(corpus.dir.resolve("pages"));
            Files.deleteIfExists(manifest);
            corpus.render(new RecordGenerator(seed));
            bodies = false;
        }
        if (crosswalks != null && !bodies) {
            BulkBodies.write(corpus, sourceId, crosswalks);
            bodies = true;
        }
        wanted.setProperty("bodies", bodies ? bodiesFor : "none");
        if (!wanted.equals(read(manifest))) {
            try (OutputStream out = Files.newOutputStream(manifest)) {
                wanted.store(out, "a complete corpus; delete this file to render it again");
            }
        }
        LOG.info("{} records in {} ({} s to render)", records, corpus.dir, (System.nanoTime() - start) / 1_000_000_000);
        return corpus;
    }

    int records() {
        return records;
    }

    int pages() {
        return (records + pageSize - 1) / pageSize;
    }

    Path dir() {
        return dir;
    }

    Path identify() {
        return dir.resolve("identify.xml");
    }

    Path page(int k) {
        return page(dir, k);
    }

    /** Page k of the corpus in this folder. */
    static Path page(Path dir, int k) {
        return dir.resolve("pages").resolve(String.format(Locale.ROOT, "%06d.xml", k));
    }

    /** The resumption token that asks for page k, and back. */
    static String token(int k) {
        return "bench/page=" + k;
    }

    static int pageOfToken(String token) {
        return Integer.parseInt(token.substring(token.indexOf('=') + 1));
    }

    private void render(RecordGenerator generator) throws IOException {
        String head = head(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Files.writeString(identify(), head + "<request verb=\"Identify\">" + BASE_URL + "</request><Identify>"
                + "<repositoryName>Lumbung benchmark</repositoryName><baseURL>" + BASE_URL + "</baseURL>"
                + "<protocolVersion>2.0</protocolVersion><adminEmail>bench@lumbung.test</adminEmail>"
                + "<earliestDatestamp>" + RecordGenerator.EARLIEST + "</earliestDatestamp><deletedRecord>no"
                + "</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify></OAI-PMH>",
                StandardCharsets.UTF_8);
        for (int k = 0; k < pages(); k++) {
            try (Writer out = Files.newBufferedWriter(page(k), StandardCharsets.UTF_8)) {
                out.write(head + "<request verb=\"ListRecords\" metadataPrefix=\"oai_dc\">" + BASE_URL
                        + "</request><ListRecords>");
                int end = Math.min(records, (k + 1) * pageSize);
                for (int i = k * pageSize; i < end; i++) {
                    out.write(generator.record(i));
                }
                String attributes = " completeListSize=\"" + records + "\" cursor=\"" + k * pageSize + "\"";
                out.write(end < records ? "<resumptionToken" + attributes + ">" + token(k + 1) + "</resumptionToken>"
                        : k > 0 ? "<resumptionToken" + attributes + "/>" : "");
                out.write("</ListRecords></OAI-PMH>");
            }
        }
    }

    /** The envelope up to the request element. */
    private static String head(String responseDate) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"" + OAI_NS + "\" xmlns:xsi=\""
                + "http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + OAI_NS
                + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\"><responseDate>" + responseDate
                + "</responseDate>";
    }

    private static Properties read(Path manifest) throws IOException {
        Properties p = new Properties();
        if (Files.exists(manifest)) {
            try (InputStream in = Files.newInputStream(manifest)) {
                p.load(in);
            }
        }
        return p;
    }
}
