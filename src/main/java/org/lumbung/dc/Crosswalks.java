package org.lumbung.dc;

import java.util.ArrayList;
import java.util.List;
import org.lumbung.harvest.RawRecord;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns harvested records into Dublin Core records, choosing the crosswalk by metadataPrefix and, failing that, by
 * the namespace of the metadata's root element. A record that cannot be read is set aside with its reason; the rest
 * of the page goes on.
 */
public final class Crosswalks {

    private static final Logger LOG = LoggerFactory.getLogger("lumbung.crosswalk");

    private final List<Crosswalk> crosswalks;
    private final LanguageDetector detector;

    public Crosswalks(List<Crosswalk> crosswalks, LanguageDetector detector) {
        this.crosswalks = List.copyOf(crosswalks);
        this.detector = detector;
    }

    public static String documentId(String sourceId, String oaiIdentifier) {
        return sourceId + ":" + oaiIdentifier;
    }

    public DcBatch toDc(RecordBatch batch) {
        List<DcRecord> records = new ArrayList<>(batch.records().size());
        List<RecordFailure> failures = new ArrayList<>();
        for (RawRecord raw : batch.records()) {
            try {
                records.add(toDc(batch.sourceId(), raw));
            } catch (RuntimeException e) {
                RecordFailure failure = new RecordFailure(batch.sourceId(), raw.header().identifier(),
                        "cannot read its " + raw.metadataPrefix() + " metadata: " + e.getMessage(), raw.toXml(), false);
                LOG.error("{} (page {})", failure, batch.origin());
                failures.add(failure);
            }
        }
        return new DcBatch(batch.sourceId(), records, failures);
    }

    public DcRecord toDc(String sourceId, RawRecord raw) {
        String id = documentId(sourceId, raw.header().identifier());
        OaiInfo oai = new OaiInfo(raw.header().identifier(), raw.header().datestamp(), raw.header().setSpecs(),
                raw.metadataPrefix());
        Provenance provenance = new Provenance(sourceId, raw.header().identifier(), null, raw.header().datestamp(),
                raw.metadataPrefix());
        if (raw.header().deleted()) {
            return DcRecord.tombstone(id, sourceId, oai, provenance);
        }
        XmlElement metadata = raw.metadata();
        if (metadata == null) {
            throw new IllegalArgumentException("the record has no metadata and is not marked deleted");
        }
        Crosswalk crosswalk = crosswalks.stream().filter(c -> c.accepts(raw.metadataPrefix(), metadata.namespace()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no crosswalk for metadataPrefix '"
                        + raw.metadataPrefix() + "' (root element {" + metadata.namespace() + "}"
                        + metadata.localName() + ")"));
        DcRecordBuilder builder = new DcRecordBuilder(id, sourceId).oai(oai).provenance(provenance);
        crosswalk.read(metadata, builder);
        return builder.build(detector);
    }
}
