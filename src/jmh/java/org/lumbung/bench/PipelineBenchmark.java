package org.lumbung.bench;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.util.BinaryData;
import java.time.Instant;
import java.util.List;
import org.lumbung.config.Components;
import org.lumbung.config.Settings;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.dc.DcBatch;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.index.DocumentMapper;
import org.lumbung.pipeline.WorkPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One harvest's page on the pipeline's pool ({@code lumbung.pipeline.threads}): the page parsed on the caller's thread,
 * as the harvest does, then its records crosswalked, derived and rendered as the JSON the bulk request carries on
 * {@link #threads} threads, in the page's order. Read the {@code records} lines: records per wall second, which should
 * grow with the threads while there are cores for them.
 */
public class PipelineBenchmark extends OneCore {

    @Param({"1", "2"})
    public int threads;

    private final OaiPageParser parser = new OaiPageParser();
    private final JacksonJsonpMapper mapper = new JacksonJsonpMapper();
    private byte[] response;
    private Crosswalks crosswalks;
    private WorkPool pool;

    @Setup
    public void load() throws Exception {
        response = Fixtures.oaiResponse("oai_dc");
        pool = WorkPool.of(threads);
        crosswalks = Crosswalks.standard(Components.detector(Settings.defaults()), pool);
    }

    @Benchmark
    public List<BinaryData> page(Records counted) throws Exception {
        DcBatch batch = crosswalks.toDc(new RecordBatch("bench", "fixture",
                parser.parse(response, "bench", "oai_dc", "oai_dc").records()));
        Instant now = Instant.now();
        List<BinaryData> documents = pool.map(batch.records(),
                record -> BinaryData.of(DocumentMapper.toDocument(record, now), mapper));
        counted.records += documents.size();
        return documents;
    }
}
