package org.lumbung.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumbung.index.IndexDocument;
import org.lumbung.index.IndexLayout;
import org.lumbung.search.oai.OaiIdentifiers;

/**
 * What the page and the API show of a record: a search hit's summary, and the whole record (its summary as a reader
 * reads it, every Dublin Core value with its language, the derived fields, the provenance, the OAI-PMH identifier
 * Lumbung gives it, a link to the original, the versions of its work: see {@link org.lumbung.index.Works}; and the
 * records most like it, {@link SimilarRecords}). Links are offered only for http and https addresses: a harvested
 * {@code javascript:} URL stays text.
 */
public final class RecordViews {

    /** The COAR access right the open-access badge stands for. */
    static final String OPEN_ACCESS = "http://purl.org/coar/access_right/c_abf2";
    /** How much of an abstract a hit carries, to show when no passage of it matched. */
    private static final int SNIPPET = 300;
    /** The records of one work read for its record page; more than this is not one work but a rule gone wrong. */
    private static final int MAX_VERSIONS = 100;
    private static final List<String> VERSION_FIELDS = List.of("dc.title", "derived.doi", "provenance.sourceId",
            "provenance.oaiIdentifier", "provenance.url", "provenance.format");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final OaiIdentifiers identifiers;
    private final SimilarRecords similar;

    public RecordViews(ElasticsearchClient client, IndexLayout layout, OaiIdentifiers identifiers,
                       SimilarRecords similar) {
        this.client = client;
        this.layout = layout;
        this.identifiers = identifiers;
        this.similar = similar;
    }

    /** The whole record; a missing id is a {@link NotFoundException} (answered 404). */
    public Map<String, Object> record(String id) throws IOException {
        IndexDocument source = document(id);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("oaiIdentifier", identifiers.of(id));
        view.put("original", original(source));
        // The record as a reader reads it (titles and abstracts with their languages' names, authors, badges,
        // links); the record itself follows, whole, for the metadata section.
        view.put("summary", source.deleted() ? null : summary(id, source, Map.of(), null, Integer.MAX_VALUE));
        view.put("record", source);
        view.put("versions", versions(id, source));
        view.put("similar", similar.of(id, source));
        return view;
    }

    /**
     * A version of a work: one contribution (an OAI-PMH record, a landing page) of one of the work's records, with
     * the record it is in, its DOI if the record has one, and its first title.
     */
    public record Version(String record, String source, String oaiIdentifier, String url, String format, String doi,
                          String title) {
    }

    /**
     * The versions of the record's work, this record's first; just its own contributions when it has no work (a
     * tombstone, or a document written before works).
     */
    public List<Version> versions(String id, IndexDocument source) throws IOException {
        List<Version> out = new ArrayList<>();
        addVersions(out, id, source);
        if (source.work() == null || source.work().key() == null) {
            return out;
        }
        SearchResponse<IndexDocument> work = client.search(s -> s.index(layout.recordsAlias()).size(MAX_VERSIONS)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("work.key").value(source.work().key())))
                        .mustNot(m -> m.ids(i -> i.values(id)))
                        .mustNot(m -> m.term(t -> t.field("deleted").value(true)))))
                .sort(o -> o.field(f -> f.field("indexedAt").order(SortOrder.Asc)))
                .source(src -> src.filter(f -> f.includes(VERSION_FIELDS))), IndexDocument.class);
        work.hits().hits().forEach(h -> addVersions(out, h.id(), h.source()));
        return out;
    }

    private static void addVersions(List<Version> out, String id, IndexDocument doc) {
        String doi = doc.derived() == null ? null : doc.derived().doi();
        List<String> titles = doc.values("title");
        for (IndexDocument.Provenance p : doc.contributions()) {
            out.add(new Version(id, p.sourceId(), p.oaiIdentifier(), p.url(), p.format(), doi,
                    titles.isEmpty() ? null : titles.get(0)));
        }
    }

    /** The record's document as a reader sees it; a missing id is a {@link NotFoundException} (answered 404). */
    public IndexDocument document(String id) throws IOException {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is missing");
        }
        GetResponse<IndexDocument> doc = client.get(g -> g.index(layout.recordsAlias()).id(id), IndexDocument.class);
        if (!doc.found() || doc.source() == null) {
            throw new NotFoundException("no record with id " + id);
        }
        return doc.source().withoutSearchFields();
    }

    /** The summary of a hit; {@code sourceName} is its source's name for a reader (null: its id is shown). */
    static SearchHit hit(String id, IndexDocument source, Map<String, List<List<Highlight>>> highlights,
                         String sourceName) {
        return summary(id, source, highlights, sourceName, SNIPPET);
    }

    /** What a reader is shown first of a record, its abstracts cut to {@code abstractLength} characters. */
    private static SearchHit summary(String id, IndexDocument source, Map<String, List<List<Highlight>>> highlights,
                                     String sourceName, int abstractLength) {
        List<String> titles = source.values("title");
        IndexDocument.Derived derived = source.derived();
        Integer year = derived == null ? null : derived.publishedYear();
        for (String date : year == null ? source.values("date") : List.<String>of()) {
            Matcher m = YEAR.matcher(date);
            if (m.find()) {
                year = Integer.valueOf(m.group(1));
                break;
            }
        }
        String sourceId = source.source() == null ? null : source.source().id();
        List<String> languages = derived == null || derived.language() == null ? List.of()
                : orEmpty(derived.language().iso639_3());
        IndexDocument.Term access = derived == null ? null : derived.accessRights();
        IndexDocument.Term licence = derived == null ? null : derived.licence();
        IndexDocument.Journal journal = derived == null ? null : derived.journal();
        return new SearchHit(id, titles.isEmpty() ? null : titles.get(0), texts(source, "title", Integer.MAX_VALUE),
                source.values("creator"), authors(source), year, sourceId, sourceName,
                journal == null ? null : journal.title(), derived == null ? null : label(derived.type()), languages,
                languages.stream().map(LanguageNames::name).toList(), label(access),
                access != null && OPEN_ACCESS.equals(access.uri()),
                licence == null ? null : new SearchHit.Licence(licence.label(), linkable(licence.uri()) ? licence.uri()
                        : null), original(source), fullText(derived), derived == null ? null : derived.doi(),
                texts(source, "description", abstractLength), highlights, null);
    }

    /** An element's values with their languages, each cut to {@code max} characters (at a word) when longer. */
    private static List<SearchHit.Text> texts(IndexDocument source, String term, int max) {
        List<String> values = source.values(term);
        List<String> languages = source.languages(term);
        List<SearchHit.Text> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i).strip();
            if (value.length() > max) {
                int cut = value.lastIndexOf(' ', max);
                value = value.substring(0, cut > max / 2 ? cut : max) + " …";
            }
            String lang = i < languages.size() && languages.get(i) != null ? languages.get(i) : "und";
            out.add(new SearchHit.Text(value, lang, LanguageNames.ofCode(lang)));
        }
        return out;
    }

    /** The derived creators (normalised names, checked ORCIDs), else the record's creators as written. */
    private static List<SearchHit.Author> authors(IndexDocument source) {
        IndexDocument.Derived derived = source.derived();
        if (derived != null && derived.creators() != null && !derived.creators().isEmpty()) {
            return derived.creators().stream().map(p -> new SearchHit.Author(p.name(), p.affiliation(), p.orcid()))
                    .toList();
        }
        return source.values("creator").stream().map(n -> new SearchHit.Author(n, null, null)).toList();
    }

    /** The full text's address: a PDF first, else an OJS galley's view page; only addresses that can be links. */
    private static String fullText(IndexDocument.Derived derived) {
        List<String> found = derived == null || derived.fullText() == null ? List.of()
                : derived.fullText().stream().filter(RecordViews::linkable).toList();
        return found.stream().filter(RecordViews::isPdf).findFirst().orElse(found.isEmpty() ? null : found.get(0));
    }

    /** A PDF by its address: a {@code .pdf} file or an OJS download (which answers the galley's file). */
    public static boolean isPdf(String url) {
        String path = URI.create(url).getPath();
        return path != null && (path.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")
                || path.contains("/article/download/"));
    }

    /**
     * An http(s) address that can go into an attribute, a Link header or a citation as it is: a harvested value with
     * spaces, angle brackets or quotes in it is no URI, and is left out.
     */
    public static boolean linkable(String value) {
        return value != null && value.equals(value.strip()) && isWebAddress(value);
    }

    /**
     * The original: the page a landing-page record came from, else the first web address among its identifiers,
     * else its DOI's resolver address; only http(s), so a hostile scheme never becomes a link.
     */
    public static String original(IndexDocument source) {
        List<String> candidates = new ArrayList<>();
        source.contributions().stream().map(IndexDocument.Provenance::url).filter(Objects::nonNull)
                .forEach(candidates::add);
        candidates.addAll(source.values("identifier"));
        if (source.derived() != null && source.derived().doi() != null) {
            candidates.add("https://doi.org/" + source.derived().doi());
        }
        return candidates.stream().filter(Objects::nonNull).filter(RecordViews::isWebAddress).findFirst().orElse(null);
    }

    public static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value.strip());
            return uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String label(IndexDocument.Term term) {
        return term == null ? null : term.label();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
