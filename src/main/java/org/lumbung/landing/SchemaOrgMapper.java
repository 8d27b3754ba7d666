package org.lumbung.landing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.derived.Doi;

/**
 * Maps one schema.org work (a ScholarlyArticle and its kin) onto the record: name and headline, authors with their
 * affiliations and ORCID ({@code @id}, {@code sameAs} or an {@code identifier}), description and abstract, keywords,
 * datePublished, identifiers (a DOI as a PropertyValue, a {@code doi.org} address in {@code @id} or {@code sameAs}),
 * inLanguage, license, publisher, pages, a PDF among the work's media, and the {@code isPartOf} chain of
 * PublicationIssue, PublicationVolume and Periodical (or Book) for the issue, volume, journal and ISSN.
 *
 * <p>Values may be strings, numbers, {@code {"@value", "@language"}} objects or arrays of these; a node may stand
 * for itself or point ({@code @id}) to one elsewhere in the page. A value without a language takes the work's
 * {@code inLanguage} when that is one language. Shapes it does not expect are ignored.
 */
final class SchemaOrgMapper {

    private static final Pattern SCHEMA_PREFIX = Pattern.compile("(?i)^(https?://schema\\.org/|schema:)");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");
    private static final int MAX_PARTS = 5;

    private final Map<String, JsonNode> byId;

    SchemaOrgMapper(Map<String, JsonNode> byId) {
        this.byId = byId;
    }

    /** The node's types without their schema.org prefix. */
    static List<String> types(JsonNode node) {
        List<String> types = new ArrayList<>();
        for (JsonNode type : each(node.path("@type"))) {
            if (type.isTextual()) {
                types.add(SCHEMA_PREFIX.matcher(type.asText().strip()).replaceFirst(""));
            }
        }
        return types;
    }

    void read(JsonNode work, Findings out) {
        List<String> languages = texts(work.path("inLanguage"), "alternateName", "name");
        languages.forEach(l -> out.add(DcElement.LANGUAGE, l));
        String lang = languages.size() == 1 && LANGUAGE_TAG.matcher(languages.get(0)).matches() ? languages.get(0) : null;
        for (String field : List.of("name", "headline", "alternativeHeadline")) {
            values(work.path(field), lang, (text, l) -> out.add(DcElement.TITLE, text, l));
        }
        for (String field : List.of("author", "creator")) {
            nodes(work.path(field)).forEach(person -> out.creator(creator(person)));
        }
        nodes(work.path("contributor")).forEach(person -> out.add(DcElement.CONTRIBUTOR, creator(person).name()));
        for (String field : List.of("description", "abstract")) {
            values(work.path(field), lang, (text, l) -> out.add(DcElement.DESCRIPTION, text, l));
        }
        values(work.path("keywords"), lang, out::keywords);
        fieldTexts(work.path("keywords"), "name").forEach(k -> out.add(DcElement.SUBJECT, k, lang));
        texts(work.path("datePublished")).forEach(d -> {
            out.add(DcElement.DATE, d);
            out.citation(Citation.PUBLICATION_DATE, d);
        });
        texts(work.path("publisher"), "name").forEach(p -> out.add(DcElement.PUBLISHER, p));
        texts(work.path("license"), "url", "@id", "name").forEach(r -> out.add(DcElement.RIGHTS, r));
        readIdentifiers(work, out);
        readPages(work, out);
        types(work).stream().findFirst().ifPresent(t -> out.add(DcElement.TYPE, t));
        for (String field : List.of("encoding", "associatedMedia")) {
            for (JsonNode media : nodes(work.path(field))) {
                if (media.path("encodingFormat").asText("").toLowerCase(Locale.ROOT).contains("pdf")) {
                    texts(media.path("contentUrl")).forEach(u -> out.citation(Citation.FULL_TEXT_URL, u));
                }
            }
        }
        readParts(work.path("isPartOf"), out, 0);
    }

    private void readIdentifiers(JsonNode work, Findings out) {
        for (JsonNode id : nodes(work.path("identifier"))) {
            if (id.isObject()) {
                String property = id.path("propertyID").asText("").toLowerCase(Locale.ROOT);
                texts(id.path("value")).forEach(v -> {
                    if (property.equals("doi")) {
                        out.doi(v);
                    } else if (property.contains("issn")) {
                        out.add(DcElement.SOURCE, v).citation(Citation.ISSN, v);
                    } else {
                        out.identifier(v);
                    }
                });
            }
        }
        texts(work.path("identifier")).forEach(out::identifier);
        List<String> addresses = new ArrayList<>(texts(work.path("sameAs")));
        addresses.addAll(texts(work.path("@id")));
        addresses.stream().filter(a -> Doi.isResolverAddress(a) && Doi.of(a) != null).forEach(out::doi);
    }

    private void readPages(JsonNode work, Findings out) {
        texts(work.path("pageStart")).forEach(p -> out.citation(Citation.FIRST_PAGE, p));
        texts(work.path("pageEnd")).forEach(p -> out.citation(Citation.LAST_PAGE, p));
        texts(work.path("pagination")).forEach(p -> out.citation(Citation.FIRST_PAGE, p));
    }

    /** The chain of containers: issue and volume numbers, the journal (or book) and its ISSN, at any depth. */
    private void readParts(JsonNode value, Findings out, int depth) {
        if (depth >= MAX_PARTS) {
            return;
        }
        for (JsonNode part : nodes(value)) {
            List<String> types = types(part);
            texts(part.path("issueNumber")).forEach(n -> out.citation(Citation.ISSUE, n));
            texts(part.path("volumeNumber")).forEach(n -> out.citation(Citation.VOLUME, n));
            for (String issn : texts(part.path("issn"))) {
                out.add(DcElement.SOURCE, issn).citation(Citation.ISSN, issn);
            }
            if (types.contains("Periodical") || types.contains("CreativeWorkSeries")) {
                texts(part.path("name")).forEach(n -> out.add(DcElement.SOURCE, n).citation(Citation.JOURNAL_TITLE, n));
            } else if (types.contains("Book")) {
                texts(part.path("name")).forEach(n -> out.add(DcElement.SOURCE, n));
                texts(part.path("isbn")).forEach(n -> out.add(DcElement.SOURCE, n));
            }
            readParts(part.path("isPartOf"), out, depth + 1);
        }
    }

    /** A person or organisation: its name (or given and family names), affiliations and ORCID. */
    private Creator creator(JsonNode person) {
        if (!person.isObject()) {
            return new Creator(person.asText(""), null, null, false);
        }
        List<String> names = texts(person.path("name"));
        String name = names.isEmpty()
                ? (String.join(" ", texts(person.path("givenName"))) + " "
                        + String.join(" ", texts(person.path("familyName")))).strip()
                : names.get(0);
        List<String> affiliations = texts(person.path("affiliation"), "name");
        List<String> ids = new ArrayList<>(texts(person.path("@id")));
        ids.addAll(texts(person.path("sameAs")));
        ids.addAll(texts(person.path("url")));
        ids.addAll(texts(person.path("identifier"), "value"));
        String orcid = ids.stream().filter(i -> i.toLowerCase(Locale.ROOT).contains("orcid")).findFirst()
                .orElse(null);
        return new Creator(name, affiliations.isEmpty() ? null : String.join("; ", affiliations), orcid, false);
    }

    /** The value as a list of nodes, each followed to its definition when it is a reference by {@code @id}. */
    private List<JsonNode> nodes(JsonNode value) {
        List<JsonNode> nodes = new ArrayList<>();
        for (JsonNode node : each(value)) {
            if (node.isObject() && !node.has("name") && byId.containsKey(node.path("@id").asText(""))) {
                nodes.add(byId.get(node.path("@id").asText()));
            } else if (!node.isMissingNode() && !node.isNull()) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** Text values: strings and numbers as they are, {@code @value} objects, and {@link #fieldTexts}. */
    private List<String> texts(JsonNode value, String... objectFields) {
        List<String> texts = new ArrayList<>();
        values(value, null, (text, lang) -> texts.add(text));
        texts.addAll(fieldTexts(value, objectFields));
        return texts;
    }

    /** Of each object in the value, the texts of the first of the fields it has ({@code name} of an Organization). */
    private List<String> fieldTexts(JsonNode value, String... fields) {
        List<String> texts = new ArrayList<>();
        for (JsonNode node : nodes(value)) {
            for (String field : fields) {
                if (node.isObject() && node.has(field)) {
                    texts.addAll(texts(node.path(field)));
                    break;
                }
            }
        }
        return texts;
    }

    /** Each text value with its language ({@code @language}, else the default). */
    private static void values(JsonNode value, String defaultLang, BiConsumer<String, String> sink) {
        for (JsonNode node : each(value)) {
            if (node.isTextual() || node.isNumber()) {
                sink.accept(node.asText(), defaultLang);
            } else if (node.isObject() && node.has("@value")) {
                sink.accept(node.path("@value").asText(""), node.path("@language").asText(defaultLang));
            }
        }
    }

    private static Iterable<JsonNode> each(JsonNode value) {
        return value.isArray() ? value : List.of(value);
    }
}
