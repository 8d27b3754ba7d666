package org.lumbung.search.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The constraints of the OAI-PMH 2.0 schema (OAI-PMH.xsd) and of oai_dc.xsd that a harvester's validator trips on,
 * asserted on a namespace-aware parse of one answer. No package on the registries Lumbung's build reaches ships the
 * published XSDs (XOAI 5.3.0's jars do not, nor Debian's OAI-PMH packages), so the rules are written out here:
 * element order, the adminEmail, metadataPrefix, setSpec and datestamp patterns, the granularity datestamps keep,
 * the error codes, the deleted status, and oai_dc's fifteen elements holding text only.
 */
final class OaiSchemaRules {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private static final Pattern EMAIL = Pattern.compile("\\S+@(\\S+\\.)+\\S+");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+");
    private static final Pattern SET_SPEC = Pattern.compile("([A-Za-z0-9\\-_.!~*'()])+(:[A-Za-z0-9\\-_.!~*'()]+)*");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Set<String> VERBS = Set.of("Identify", "ListMetadataFormats", "ListSets", "GetRecord",
            "ListIdentifiers", "ListRecords");
    private static final Set<String> CODES = Set.of("cannotDisseminateFormat", "idDoesNotExist", "badArgument",
            "badVerb", "noMetadataFormats", "noRecordsMatch", "badResumptionToken", "noSetHierarchy");
    private static final Set<String> DC_ELEMENTS = Set.of("title", "creator", "subject", "description", "publisher",
            "contributor", "date", "type", "format", "identifier", "source", "language", "relation", "coverage",
            "rights");

    private OaiSchemaRules() {
    }

    /** Asserts the answer keeps the schema; {@code granularity} is the pattern of the repository's datestamps. */
    static void check(Document answer, Pattern granularity) {
        Element root = answer.getDocumentElement();
        assertThat(name(root)).isEqualTo(OAI + " OAI-PMH");
        List<Element> top = children(root);
        assertThat(top.size()).as("responseDate, request, then errors or a verb").isGreaterThanOrEqualTo(3);
        assertThat(name(top.get(0))).isEqualTo(OAI + " responseDate");
        assertThat(top.get(0).getTextContent()).matches(SECOND);
        Element request = top.get(1);
        assertThat(name(request)).isEqualTo(OAI + " request");
        uri(request.getTextContent());
        for (String date : List.of("from", "until")) {
            if (request.hasAttribute(date)) {
                assertThat(request.getAttribute(date)).matches(DAY + "|" + SECOND);
            }
        }
        List<Element> body = top.subList(2, top.size());
        if (name(body.get(0)).equals(OAI + " error")) {
            for (Element error : body) {
                assertThat(name(error)).isEqualTo(OAI + " error");
                assertThat(error.getAttribute("code")).isIn(CODES);
                assertThat(children(error)).isEmpty();
            }
            return;
        }
        assertThat(body).as("one verb element").hasSize(1);
        Element verb = body.get(0);
        assertThat(verb.getNamespaceURI()).isEqualTo(OAI);
        assertThat(VERBS).contains(verb.getLocalName());
        assertThat(request.getAttribute("verb")).isEqualTo(verb.getLocalName());
        switch (verb.getLocalName()) {
            case "Identify" -> identify(verb, granularity);
            case "ListMetadataFormats" -> each(verb, "metadataFormat", f -> {
                assertThat(names(f)).containsExactly("metadataPrefix", "schema", "metadataNamespace");
                assertThat(text(f, 0)).matches(PREFIX);
                uri(text(f, 1));
                uri(text(f, 2));
            });
            case "ListSets" -> each(verb, "set", s -> {
                List<String> names = names(s);
                assertThat(names.subList(0, 2)).containsExactly("setSpec", "setName");
                assertThat(names.subList(2, names.size())).allMatch("setDescription"::equals);
                assertThat(text(s, 0)).matches(SET_SPEC);
            });
            case "ListIdentifiers" -> each(verb, "header", h -> header(h, granularity));
            case "ListRecords", "GetRecord" -> each(verb, "record", r -> record(r, granularity));
            default -> throw new AssertionError(verb.getLocalName());
        }
    }

    private static void identify(Element identify, Pattern granularity) {
        List<String> names = names(identify);
        int emails = (int) names.stream().filter("adminEmail"::equals).count();
        assertThat(emails).as("adminEmail+").isPositive();
        List<String> expected = new ArrayList<>(List.of("repositoryName", "baseURL", "protocolVersion"));
        expected.addAll(Collections.nCopies(emails, "adminEmail"));
        expected.addAll(List.of("earliestDatestamp", "deletedRecord", "granularity"));
        assertThat(names.subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(names.subList(expected.size(), names.size())).allMatch(n -> n.equals("compression")
                || n.equals("description"));
        int firstDescription = names.indexOf("description");
        if (firstDescription >= 0) {
            assertThat(names.subList(firstDescription, names.size())).as("compression*, then description*")
                    .allMatch("description"::equals);
        }
        List<Element> c = children(identify);
        uri(c.get(1).getTextContent());
        assertThat(c.get(2).getTextContent()).isEqualTo("2.0");
        for (int i = 0; i < emails; i++) {
            assertThat(c.get(3 + i).getTextContent()).as("adminEmail").matches(EMAIL);
        }
        assertThat(c.get(3 + emails).getTextContent()).as("earliestDatestamp").matches(granularity);
        assertThat(c.get(4 + emails).getTextContent()).isIn("no", "persistent", "transient");
        String declared = c.get(5 + emails).getTextContent();
        assertThat(declared).isIn("YYYY-MM-DD", "YYYY-MM-DDThh:mm:ssZ");
        assertThat(declared.length() > 10 ? SECOND.pattern() : DAY.pattern()).isEqualTo(granularity.pattern());
    }

    /** The verb's items, then at most one resumptionToken. */
    private static void each(Element verb, String item, Consumer<Element> rule) {
        List<Element> items = children(verb);
        int n = items.size();
        if (n > 0 && items.get(n - 1).getLocalName().equals("resumptionToken")) {
            token(items.get(n - 1));
            items = items.subList(0, n - 1);
        }
        assertThat(items).as("%s has %s+", verb.getLocalName(), item).isNotEmpty();
        for (Element e : items) {
            assertThat(name(e)).isEqualTo(OAI + " " + item);
            rule.accept(e);
        }
    }

    private static void token(Element token) {
        assertThat(children(token)).isEmpty();
        if (token.hasAttribute("cursor")) {
            assertThat(Long.parseLong(token.getAttribute("cursor"))).isNotNegative();
        }
        if (token.hasAttribute("completeListSize")) {
            assertThat(Long.parseLong(token.getAttribute("completeListSize"))).isPositive();
        }
        if (token.hasAttribute("expirationDate")) {
            assertThat(token.getAttribute("expirationDate")).matches(SECOND);
        }
    }

    private static void header(Element header, Pattern granularity) {
        List<String> names = names(header);
        assertThat(names.subList(0, 2)).containsExactly("identifier", "datestamp");
        assertThat(names.subList(2, names.size())).allMatch("setSpec"::equals);
        List<Element> c = children(header);
        uri(c.get(0).getTextContent());
        assertThat(c.get(1).getTextContent()).as("datestamp at the repository's granularity").matches(granularity);
        c.subList(2, c.size()).forEach(s -> assertThat(s.getTextContent()).matches(SET_SPEC));
        if (header.hasAttribute("status")) {
            assertThat(header.getAttribute("status")).isEqualTo("deleted");
        }
    }

    private static void record(Element record, Pattern granularity) {
        List<Element> c = children(record);
        assertThat(name(c.get(0))).isEqualTo(OAI + " header");
        header(c.get(0), granularity);
        int next = 1;
        if (c.size() > 1 && c.get(1).getLocalName().equals("metadata")) {
            assertThat(c.get(0).hasAttribute("status")).as("a deleted header has no metadata").isFalse();
            List<Element> inner = children(c.get(1));
            assertThat(inner).as("metadata holds one element").hasSize(1);
            oaiDc(inner.get(0));
            next = 2;
        }
        for (Element about : c.subList(next, c.size())) {
            assertThat(name(about)).isEqualTo(OAI + " about");
            assertThat(children(about)).hasSize(1);
        }
    }

    /** oai_dc.xsd: oai_dc:dc holds any of the fifteen elements, in any order, each text with an optional xml:lang. */
    static void oaiDc(Element dc) {
        assertThat(name(dc)).isEqualTo(OAI_DC + " dc");
        for (Element e : children(dc)) {
            assertThat(e.getNamespaceURI()).isEqualTo(DC);
            assertThat(DC_ELEMENTS).contains(e.getLocalName());
            assertThat(children(e)).as("dc:%s is text", e.getLocalName()).isEmpty();
            for (int i = 0; i < e.getAttributes().getLength(); i++) {
                Node a = e.getAttributes().item(i);
                if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                    assertThat(a.getNodeName()).isEqualTo("xml:lang");
                }
            }
        }
    }

    private static void uri(String text) {
        assertThat(text).isNotBlank().doesNotContainAnyWhitespaces();
        URI.create(text);
    }

    private static String text(Element parent, int index) {
        return children(parent).get(index).getTextContent();
    }

    private static String name(Node e) {
        return e.getNamespaceURI() + " " + e.getLocalName();
    }

    private static List<String> names(Element parent) {
        List<String> out = new ArrayList<>();
        for (Element e : children(parent)) {
            assertThat(e.getNamespaceURI()).isEqualTo(OAI);
            out.add(e.getLocalName());
        }
        return out;
    }

    private static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            } else if (n.getNodeType() == Node.TEXT_NODE && parent.getChildNodes().getLength() > 1) {
                assertThat(n.getTextContent()).as("no text between the elements of %s", parent.getNodeName()).isBlank();
            }
        }
        return out;
    }
}
