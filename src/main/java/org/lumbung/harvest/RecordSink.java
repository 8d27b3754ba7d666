package org.lumbung.harvest;

import org.lumbung.pipeline.Delivery;

/** Where the harvester hands each page's records: in Lumbung, the index route (direct:records). */
@FunctionalInterface
public interface RecordSink {

    Delivery accept(RecordBatch batch);
}
