package org.lumbung.dc;

import org.lumbung.pipeline.Delivery;

/** Where finished Dublin Core records go: in Lumbung, the index route (direct:index). */
@FunctionalInterface
public interface DcSink {

    Delivery accept(DcBatch batch);
}
