package org.lumbung.dc;

import java.util.List;

/** The OAI-PMH header a harvested record came with. */
public record OaiInfo(String identifier, String datestamp, List<String> setSpecs, String metadataPrefix) {

    public OaiInfo {
        setSpecs = List.copyOf(setSpecs);
    }
}
