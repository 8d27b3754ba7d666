package org.lumbung.landing;

import java.util.List;

/** Pages (and saved OAI-PMH responses) to ingest for a source; a null source id is derived from each address. */
public record IngestRequest(String sourceId, List<PageInput> inputs) {

    public IngestRequest {
        inputs = List.copyOf(inputs);
    }
}
