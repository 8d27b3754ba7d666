package org.lumbung.harvest;

import java.util.List;

/** An OAI-PMH record header: identifier, datestamp as the repository wrote it, sets, and the deleted status. */
public record OaiHeader(String identifier, String datestamp, List<String> setSpecs, boolean deleted) {

    public OaiHeader {
        setSpecs = List.copyOf(setSpecs);
    }
}
