package org.lumbung.bench;

import java.time.Instant;
import org.lumbung.config.Components;
import org.lumbung.config.Settings;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.OaiPage;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.index.DocumentMapper;
import org.lumbung.index.EsConnection;
import org.lumbung.index.JsonBytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * What Lumbung spends on a harvested record before Elasticsearch, per metadata format, on one core: the page parsed
 * ({@code parse}), each record crosswalked and its values cleaned ({@code parseCrosswalk}), the language detected
 * where the record gives none ({@code parseCrosswalkNormalise}: the index route's whole work), and the index document
 * made and serialised ({@code toIndexDocuments}). Read the {@code records} lines (records per second) and the
 * {@code records/cpu-s} ones ({@link CpuProfiler}: records per CPU-second, what one core does when it is all theirs).
 *
 * <p>A format is a fixture, {@code src/jmh/resources/formats/<metadataPrefix>.xml}, and its metadataPrefix in
 * {@link #format}; the crosswalks are the ones the index route uses ({@link Crosswalks#standard}).
 */
public class FormatBenchmark extends OneCore {

    /** Renders documents as the indexer does, with the client's mapper. */
    private static final JsonBytes JSON = new JsonBytes(EsConnection.jsonMapper());

    @Param({"oai_dc", "mods", "marcxml", "oai_datacite"})
    public String format;

    private final OaiPageParser parser = new OaiPageParser();
    private byte[] response;
    private Crosswalks crosswalks;
    private Crosswalks withoutDetection;

    @Setup
    public void load() throws Exception {
        response = Fixtures.oaiResponse(format);
        crosswalks = Crosswalks.standard(Components.detector(Settings.defaults()));
        withoutDetection = Crosswalks.standard(null);
        DcBatch batch = crosswalks.toDc(batch(parser.parse(response, "bench", format, format)));
        if (batch.records().isEmpty() || !batch.failures().isEmpty()) {
            throw new IllegalStateException("the " + format + " fixture does not crosswalk cleanly: "
                    + batch.failures());
        }
    }

    @Benchmark
    public OaiPage parse(Records counted) throws HarvestException {
        OaiPage page = parser.parse(response, "bench", format, format);
        counted.records += page.records().size();
        return page;
    }

    @Benchmark
    public DcBatch parseCrosswalk(Records counted) throws HarvestException {
        return count(withoutDetection.toDc(batch(parser.parse(response, "bench", format, format))), counted);
    }

    @Benchmark
    public DcBatch parseCrosswalkNormalise(Records counted) throws HarvestException {
        return count(crosswalks.toDc(batch(parser.parse(response, "bench", format, format))), counted);
    }

    @Benchmark
    public long toIndexDocuments(Records counted) throws Exception {
        DcBatch batch = count(crosswalks.toDc(batch(parser.parse(response, "bench", format, format))), counted);
        long bytes = 0;
        Instant now = Instant.now();
        for (DcRecord record : batch.records()) {
            bytes += JSON.document(DocumentMapper.toDocument(record, now)).json().size();
        }
        return bytes;
    }

    private static RecordBatch batch(OaiPage page) {
        return new RecordBatch("bench", "fixture", page.records());
    }

    private static DcBatch count(DcBatch batch, Records counted) {
        counted.records += batch.records().size();
        return batch;
    }
}
