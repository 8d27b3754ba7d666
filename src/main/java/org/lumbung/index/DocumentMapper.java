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
import org.lumbung.derived.CoarTerm;
import org.lumbung.derived.Derived;
import org.lumbung.derived.Identifiers;
import org.lumbung.derived.Journal;
import org.lumbung.derived.Licence;
import org.lumbung.derived.Person;
import org.lumbung.derived.QualityFlag;

/**
 * The index document of a record, field for field as docs/formats.md's schema describes it. {@code lang.<element>} is
 * aligned with {@code dc.<element>}: its i-th entry is the language of the i-th value, {@code und} where unknown.
 * Derived values go under {@code derived}, beside the values the repository sent; absent ones are left out.
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
            doc.put("derived", derived(record.derived()));
            doc.put("quality", record.derived().quality().stream().map(QualityFlag::keyword).toList());
            doc.put("search", SearchFields.search(record));
            doc.put("facet", SearchFields.facets(record));
        }
        doc.put("source", Map.of("id", record.sourceId()));
        if (record.oai() != null) {
            doc.put("oai", oai(record.oai()));
        }
        doc.put("provenance", provenance(record.provenance()));
        if (!record.deleted()) {
            Identity.Keys keys = Identity.keys(record);
            if (!keys.isEmpty()) {
                doc.put("keys", Map.of("doi", List.copyOf(keys.dois()), "url", List.copyOf(keys.urls())));
            }
        }
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

    private static Map<String, Object> derived(Derived d) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "published", d.published());
        putIfPresent(m, "publishedYear", d.publishedYear());
        if (!d.languages().isEmpty()) {
            Map<String, Object> language = new LinkedHashMap<>();
            language.put("iso639_3", d.languages());
            putIfNotEmpty(language, "iso639_1", d.languages1());
            putIfPresent(language, "from", d.languageFrom());
            m.put("language", language);
        }
        putIfPresent(m, "doi", d.doi());
        putIfNotEmpty(m, "identifiers", identifiers(d.identifiers()));
        putIfPresent(m, "type", term(d.type()));
        putIfPresent(m, "accessRights", term(d.accessRights()));
        putIfPresent(m, "licence", licence(d.licence()));
        List<Map<String, Object>> people = new ArrayList<>();
        for (Person p : d.creators()) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", p.name());
            putIfPresent(person, "affiliation", p.affiliation());
            putIfPresent(person, "orcid", p.orcid());
            people.add(person);
        }
        putIfNotEmpty(m, "creators", people);
        putIfNotEmpty(m, "fullText", d.fullText());
        putIfNotEmpty(m, "journal", journal(d.journal()));
        return m;
    }

    private static Map<String, Object> identifiers(Identifiers ids) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfNotEmpty(m, "doi", ids.doi());
        putIfNotEmpty(m, "issn", ids.issn());
        putIfNotEmpty(m, "isbn", ids.isbn());
        putIfNotEmpty(m, "handle", ids.handle());
        putIfNotEmpty(m, "urn", ids.urn());
        putIfNotEmpty(m, "ark", ids.ark());
        putIfNotEmpty(m, "url", ids.url());
        return m;
    }

    private static Map<String, Object> term(CoarTerm term) {
        return term == null ? null : uriAndLabel(term.uri(), term.label());
    }

    private static Map<String, Object> licence(Licence licence) {
        return licence == null ? null : uriAndLabel(licence.uri(), licence.label());
    }

    private static Map<String, Object> uriAndLabel(String uri, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "uri", uri);
        putIfPresent(m, "label", label);
        return m;
    }

    private static Map<String, Object> journal(Journal j) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "title", j.title());
        putIfNotEmpty(m, "issn", j.issn());
        putIfPresent(m, "volume", j.volume());
        putIfPresent(m, "issue", j.issue());
        putIfPresent(m, "pages", j.pages());
        putIfPresent(m, "firstPage", j.firstPage());
        putIfPresent(m, "lastPage", j.lastPage());
        return m;
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
            m.put("key", p.key());
            putIfPresent(m, "raw", p.raw());
            out.add(m);
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> m, String key, java.util.Collection<?> values) {
        if (!values.isEmpty()) {
            m.put(key, values);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> m, String key, Map<?, ?> values) {
        if (!values.isEmpty()) {
            m.put(key, values);
        }
    }
}
