package org.lumbung.crosswalk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.OaiInfo;
import org.lumbung.dc.Provenance;
import org.lumbung.harvest.RawRecord;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.pipeline.WorkPool;
import org.lumbung.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns harvested records into Dublin Core records with the first crosswalk, in the order given, that accepts the
 * record's metadataPrefix or the namespace of its metadata's root element (a saved response may name a prefix Lumbung
 * does not know). A record that cannot be read is set aside with its reason; the rest of the page goes on.
 */
public final class Crosswalks {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.crosswalk");

    private final List<Crosswalk> crosswalks;
    private final LanguageDetector detector;
    private final WorkPool pool;

    /** Crosswalks that read a page's records on the pool's threads. */
    public Crosswalks(List<Crosswalk> crosswalks, LanguageDetector detector, WorkPool pool) {
        this.crosswalks = List.copyOf(crosswalks);
        this.detector = detector;
        this.pool = pool;
    }

    /** Crosswalks that read a page's records on the caller's thread. */
    public Crosswalks(List<Crosswalk> crosswalks, LanguageDetector detector) {
        this(crosswalks, detector, WorkPool.CALLER);
    }

    /**
     * Every format Lumbung reads. The first crosswalk that accepts a record's metadataPrefix or root namespace reads
     * it: oai_dc first, being nearly every record; then the formats with a namespace of their own; qualified DC last,
     * since it also takes any {@code *_dc} prefix (base_dc, nsdl_dc) that the others do not claim.
     */
    public static Crosswalks standard(LanguageDetector detector, WorkPool pool) {
        return new Crosswalks(List.of(new OaiDcCrosswalk(), new XoaiCrosswalk(), new DimCrosswalk(),
                new OpenAireCrosswalk(), new DataCiteCrosswalk(), new RioxxCrosswalk(), new ModsCrosswalk(),
                new MarcXmlCrosswalk(), new JatsCrosswalk(), new QdcCrosswalk()), detector, pool);
    }

    /** Every format Lumbung reads, on the caller's thread. */
    public static Crosswalks standard(LanguageDetector detector) {
        return standard(detector, WorkPool.CALLER);
    }

    public static String documentId(String sourceId, String oaiIdentifier) {
        return sourceId + ":" + oaiIdentifier;
    }

    /**
     * The page's records in Dublin Core, in the page's order (the resolver merges two records of one key in the order
     * they came), read on the pool's threads; those that cannot be read are set aside with their reason.
     */
    public DcBatch toDc(RecordBatch batch) {
        List<Read> read = pool.map(batch.records(), raw -> read(batch, raw));
        List<DcRecord> records = new ArrayList<>(batch.records().size());
        List<RecordFailure> failures = new ArrayList<>();
        for (Read r : read) {
            if (r.record() != null) {
                records.add(r.record());
            } else {
                failures.add(r.failure());
            }
        }
        return new DcBatch(batch.sourceId(), records, failures);
    }

    /** One record of a page read: the Dublin Core record, or why it could not be. */
    private record Read(DcRecord record, RecordFailure failure) {
    }

    private Read read(RecordBatch batch, RawRecord raw) {
        try {
            return new Read(toDc(batch.sourceId(), raw), null);
        } catch (RuntimeException e) {
            RecordFailure failure = new RecordFailure(batch.sourceId(), raw.header().identifier(),
                    RecordFailure.Stage.CROSSWALK, 0, "cannot read its " + raw.metadataPrefix() + " metadata: "
                    + e.getMessage(), raw.toXml(), false);
            LOG.error("{} (page {})", failure, batch.origin());
            return new Read(null, failure);
        }
    }

    /** The first crosswalk that reads this metadataPrefix or root namespace, in the order given. */
    public Optional<Crosswalk> crosswalkFor(String metadataPrefix, String rootNamespace) {
        return crosswalks.stream().filter(c -> c.accepts(metadataPrefix, rootNamespace)).findFirst();
    }

    public DcRecord toDc(String sourceId, RawRecord raw) {
        String id = documentId(sourceId, raw.header().identifier());
        OaiInfo oai = new OaiInfo(raw.header().identifier(), raw.header().datestamp(), raw.header().setSpecs(),
                raw.metadataPrefix());
        // The record as sent is kept with it (the raw archive), so newer crosswalks can read it again.
        Provenance provenance = new Provenance(sourceId, raw.header().identifier(), null, raw.header().datestamp(),
                raw.metadataPrefix(), raw.header().deleted() ? null : raw.toXml());
        if (raw.header().deleted()) {
            return DcRecord.tombstone(id, sourceId, oai, provenance);
        }
        XmlElement metadata = raw.metadata();
        if (metadata == null) {
            throw new IllegalArgumentException("the record has no metadata and is not marked deleted");
        }
        Crosswalk crosswalk = crosswalkFor(raw.metadataPrefix(), metadata.namespace())
                .orElseThrow(() -> new IllegalArgumentException("no crosswalk for metadataPrefix '"
                        + raw.metadataPrefix() + "' (root element {" + metadata.namespace() + "}"
                        + metadata.localName() + ")"));
        DcRecordBuilder builder = new DcRecordBuilder(id, sourceId).oai(oai).provenance(provenance);
        crosswalk.read(metadata, builder);
        return builder.build(detector);
    }
}
