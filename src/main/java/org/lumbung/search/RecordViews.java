package org.lumbung.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lumbung.index.IndexLayout;
import org.lumbung.search.oai.OaiIdentifiers;

/**
 * What the page and the API show of a record: a search hit's summary, and the whole record (every Dublin Core value
 * with its language, the derived fields, the provenance, the OAI-PMH identifier Lumbung gives it, and a link to the
 * original). Links are offered only for http and https addresses: a harvested {@code javascript:} URL stays text.
 */
public final class RecordViews {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final OaiIdentifiers identifiers;

    public RecordViews(ElasticsearchClient client, IndexLayout layout, OaiIdentifiers identifiers) {
        this.client = client;
        this.layout = layout;
        this.identifiers = identifiers;
    }

    /** The whole record; a missing id is a {@link NotFoundException} (answered 404). */
    @SuppressWarnings("rawtypes")
    public Map<String, Object> record(String id) throws IOException {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is missing");
        }
        GetResponse<Map> doc = client.get(g -> g.index(layout.recordsAlias()).id(id), Map.class);
        if (!doc.found() || doc.source() == null) {
            throw new NotFoundException("no record with id " + id);
        }
        Map<?, ?> found = doc.source();
        Map<Object, Object> source = new LinkedHashMap<>(found);
        // Search and facet fields are left out of _source; what remains of them is an empty shell.
        source.keySet().removeAll(List.of("search", "facet"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("oaiIdentifier", identifiers.of(id));
        view.put("original", original(source));
        view.put("record", source);
        return view;
    }

    /** The summary of a hit. */
    static SearchHit hit(String id, Map<?, ?> source, Map<String, List<List<Highlight>>> highlights) {
        Map<?, ?> dc = map(source, "dc");
        Map<?, ?> derived = map(source, "derived");
        List<String> titles = strings(dc.get("title"));
        Integer year = derived.get("publishedYear") instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        for (String date : year == null ? strings(dc.get("date")) : List.<String>of()) {
            Matcher m = YEAR.matcher(date);
            if (m.find()) {
                year = Integer.valueOf(m.group(1));
                break;
            }
        }
        Object sourceId = map(source, "source").get("id");
        return new SearchHit(id, titles.isEmpty() ? null : titles.get(0), strings(dc.get("creator")), year,
                sourceId == null ? null : sourceId.toString(), first(map(derived, "type").get("label")),
                strings(map(derived, "language").get("iso639_3")), first(map(derived, "accessRights").get("label")),
                highlights);
    }

    /**
     * The original: the page a landing-page record came from, else the first web address among its identifiers,
     * else its DOI's resolver address; only http(s), so a hostile scheme never becomes a link.
     */
    static String original(Map<?, ?> source) {
        List<String> candidates = new ArrayList<>();
        if (source.get("provenance") instanceof List<?> entries) {
            entries.forEach(e -> candidates.addAll(strings(e instanceof Map<?, ?> m ? m.get("url") : null)));
        }
        candidates.addAll(strings(map(source, "dc").get("identifier")));
        Object doi = map(source, "derived").get("doi");
        if (doi != null) {
            candidates.add("https://doi.org/" + doi);
        }
        return candidates.stream().filter(RecordViews::isWebAddress).findFirst().orElse(null);
    }

    static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value.strip());
            return uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static Map<?, ?> map(Object parent, String key) {
        Object value = parent instanceof Map<?, ?> m ? m.get(key) : null;
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static String first(Object value) {
        List<String> all = strings(value);
        return all.isEmpty() ? null : all.get(0);
    }
}
