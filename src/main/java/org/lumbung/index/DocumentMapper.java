package org.lumbung.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.OaiInfo;
import org.lumbung.dc.Provenance;

/**
 * The index document of a record, field for field as the README's schema describes it. {@code lang.<element>} is
 * aligned with {@code dc.<element>}: its i-th entry is the language of the i-th value, {@code und} where unknown.
 */
public final class DocumentMapper {

    public static final String UNKNOWN_LANGUAGE = "und";

    private DocumentMapper() {
    }

    public static Map<String, Object> toDocument(DcRecord record, Instant indexedAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (!record.deleted()) {
            Map<String, Object> dc = new LinkedHashMap<>();
            Map<String, Object> lang = new LinkedHashMap<>();
            for (DcElement element : record.elements().keySet()) {
                dc.put(element.term(), record.values(element));
                lang.put(element.term(), record.languages(element).stream()
                        .map(l -> l == null ? UNKNOWN_LANGUAGE : l).toList());
            }
            doc.put("dc", dc);
            doc.put("lang", lang);
            doc.put("creators", creators(record.creators()));
            doc.put("search", SearchFields.search(record));
            doc.put("facet", SearchFields.facets(record));
        }
        doc.put("source", Map.of("id", record.sourceId()));
        if (record.oai() != null) {
            doc.put("oai", oai(record.oai()));
        }
        doc.put("provenance", provenance(record.provenance()));
        doc.put("indexedAt", indexedAt.toString());
        doc.put("deleted", record.deleted());
        return doc;
    }

    private static List<Map<String, Object>> creators(List<Creator> creators) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Creator c : creators) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            putIfPresent(m, "affiliation", c.affiliation());
            putIfPresent(m, "orcid", c.orcid());
            m.put("corresponding", c.corresponding());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> oai(OaiInfo oai) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identifier", oai.identifier());
        putIfPresent(m, "datestamp", oai.datestamp());
        m.put("setSpec", oai.setSpecs());
        putIfPresent(m, "metadataPrefix", oai.metadataPrefix());
        return m;
    }

    private static List<Map<String, Object>> provenance(List<Provenance> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Provenance p : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sourceId", p.sourceId());
            putIfPresent(m, "oaiIdentifier", p.oaiIdentifier());
            putIfPresent(m, "url", p.url());
            putIfPresent(m, "datestamp", p.datestamp());
            putIfPresent(m, "format", p.format());
            out.add(m);
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
