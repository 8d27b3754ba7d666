package org.lumbung.index;

import java.time.Instant;
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
import org.lumbung.derived.QualityFlag;

/**
 * The index document of a record ({@link IndexDocument}). Derived values go under {@code derived}, beside the values
 * the repository sent; absent ones, and groups with nothing in them, are left out.
 */
public final class DocumentMapper {

    public static final String UNKNOWN_LANGUAGE = "und";

    private DocumentMapper() {
    }

    /** The document in the work its own values give it ({@link Works#own}). */
    public static IndexDocument toDocument(DcRecord record, Instant indexedAt) {
        return toDocument(record, indexedAt.toString(), null, null);
    }

    /** The same, with the change time as its text (an {@link Instant}'s): as stored, or once for a whole batch. */
    public static IndexDocument toDocument(DcRecord record, String indexedAt) {
        return toDocument(record, indexedAt, null, null);
    }

    /**
     * The document in the work given, as the index-time look-up found it, with the merge keys already read of the
     * record; either null is worked out here ({@link Works#own}, {@link Identity#keys}).
     */
    public static IndexDocument toDocument(DcRecord record, String indexedAt, IndexDocument.Work work,
                                           Identity.Keys known) {
        IndexDocument.Oai oai = record.oai() == null ? null : oai(record.oai());
        List<IndexDocument.Provenance> provenance = record.provenance().stream().map(DocumentMapper::provenance)
                .toList();
        IndexDocument.Source source = new IndexDocument.Source(record.sourceId());
        if (record.deleted()) {
            return new IndexDocument(null, null, null, null, null, null, null, source, oai, provenance, null, null,
                    indexedAt, true);
        }
        Map<String, List<String>> dc = new LinkedHashMap<>();
        Map<String, List<String>> lang = new LinkedHashMap<>();
        for (DcElement element : record.elements().keySet()) {
            dc.put(element.term(), record.values(element));
            lang.put(element.term(), record.languages(element).stream()
                    .map(l -> l == null ? UNKNOWN_LANGUAGE : l).toList());
        }
        Identity.Keys keys = known != null ? known : Identity.keys(record);
        return new IndexDocument(dc, lang, record.creators().stream().map(DocumentMapper::creator).toList(),
                derived(record.derived()), record.derived().quality().stream().map(QualityFlag::keyword).toList(),
                SearchFields.search(record), SearchFields.facets(record), source, oai, provenance,
                keys.isEmpty() ? null : new IndexDocument.Keys(List.copyOf(keys.dois()), List.copyOf(keys.urls())),
                work != null ? work : Works.own(record.id(), record), indexedAt, false);
    }

    private static IndexDocument.Creator creator(Creator c) {
        return new IndexDocument.Creator(c.name(), c.affiliation(), c.orcid(), c.corresponding());
    }

    private static IndexDocument.Derived derived(Derived d) {
        IndexDocument.Language language = d.languages().isEmpty() ? null
                : new IndexDocument.Language(d.languages(), d.languages1(), d.languageFrom());
        return new IndexDocument.Derived(d.published(), d.publishedYear(), language, d.doi(),
                identifiers(d.identifiers()), term(d.type()), term(d.accessRights()), licence(d.licence()),
                d.creators().stream().map(p -> new IndexDocument.Person(p.name(), p.affiliation(), p.orcid())).toList(),
                d.fullText(), journal(d.journal()));
    }

    private static IndexDocument.Identifiers identifiers(Identifiers ids) {
        IndexDocument.Identifiers out = new IndexDocument.Identifiers(ids.doi(), ids.issn(), ids.isbn(), ids.handle(),
                ids.urn(), ids.ark(), ids.url());
        boolean none = List.of(ids.doi(), ids.issn(), ids.isbn(), ids.handle(), ids.urn(), ids.ark(), ids.url())
                .stream().allMatch(List::isEmpty);
        return none ? null : out;
    }

    private static IndexDocument.Term term(CoarTerm term) {
        return term == null ? null : new IndexDocument.Term(term.uri(), term.label());
    }

    private static IndexDocument.Term licence(Licence licence) {
        return licence == null ? null : new IndexDocument.Term(licence.uri(), licence.label());
    }

    private static IndexDocument.Journal journal(Journal j) {
        boolean none = j.title() == null && j.issn().isEmpty() && j.volume() == null && j.issue() == null
                && j.pages() == null && j.firstPage() == null && j.lastPage() == null;
        return none ? null : new IndexDocument.Journal(j.title(), j.issn(), j.volume(), j.issue(), j.pages(),
                j.firstPage(), j.lastPage());
    }

    private static IndexDocument.Oai oai(OaiInfo oai) {
        return new IndexDocument.Oai(oai.identifier(), oai.datestamp(), oai.setSpecs(), oai.metadataPrefix());
    }

    private static IndexDocument.Provenance provenance(Provenance p) {
        return new IndexDocument.Provenance(p.sourceId(), p.oaiIdentifier(), p.url(), p.datestamp(), p.format(),
                p.key(), p.raw());
    }
}
