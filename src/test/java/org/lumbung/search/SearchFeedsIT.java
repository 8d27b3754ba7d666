package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.KnownRecords;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A search followed in a feed reader: its Atom feed parsed and held to RFC 4287's required elements, its OpenSearch
 * description parsed; and a record page's similar records. Over HTTP, on the known records.
 */
class SearchFeedsIT {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    private static LumbungServer server;

    @BeforeAll
    static void start() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(SearchFeedsIT.class);
        server = LumbungServer.start(prefix);
        KnownRecords.index(prefix + "-records");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAtomFeedOfASearchHasEveryElementRfc4287Requires() throws Exception {
        HttpResponse<String> response = server.get("/feed?q=diplomasi");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        Element feed = parse(response.body()).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        // atom:feed: exactly one id, title and updated; an author, since not every entry has one.
        assertOne(feed, "id");
        assertThat(one(feed, "title").getTextContent()).isEqualTo("Lumbung: diplomasi");
        OffsetDateTime.parse(one(feed, "updated").getTextContent());
        assertThat(children(feed, "author")).hasSize(1);
        assertThat(children(children(feed, "author").get(0), "name")).hasSize(1);
        assertThat(children(feed, "link").stream().filter(l -> l.getAttribute("rel").equals("self"))).hasSize(1);

        List<Element> entries = children(feed, "entry");
        List<String> titles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Element entry : entries) {
            // atom:entry: exactly one id, title and updated; an alternate link, since it has no content.
            ids.add(one(entry, "id").getTextContent());
            titles.add(one(entry, "title").getTextContent());
            OffsetDateTime.parse(one(entry, "updated").getTextContent());
            List<Element> alternate = children(entry, "link").stream()
                    .filter(l -> l.getAttribute("rel").equals("alternate")).toList();
            assertThat(alternate).hasSize(1);
            assertThat(alternate.get(0).getAttribute("href")).isEqualTo(one(entry, "id").getTextContent());
            // Harvested markup stays text: the title has no element inside it.
            assertThat(one(entry, "title").getChildNodes().getLength()).isEqualTo(1);
            assertThat(one(entry, "title").getFirstChild().getNodeType()).isEqualTo(Node.TEXT_NODE);
        }
        // The search's four records, newest published first; the hostile one (no date) last, its title as text.
        assertThat(titles).containsExactly("Kebijakan luar negeri Indonesia terhadap Turki",
                "Diplomasi maritim Indonesia", "Climate diplomacy of small island states", KnownRecords.HOSTILE_TITLE);
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("http") && id.contains("/record?id="));
        assertThat(ids.get(0)).endsWith("/record?id="
                + URLEncoder.encode("journal-a:oai:journal-a:1", StandardCharsets.UTF_8));
        assertThat(children(entries.get(0), "author")).hasSize(1);
        assertThat(one(children(entries.get(0), "author").get(0), "name").getTextContent()).isEqualTo("Santoso, Budi");
    }

    @Test
    void aFeedFollowsTheSearchsFiltersAndRefusesAQueryItCannotRead() throws Exception {
        HttpResponse<String> filtered = server.get("/feed?q=diplomasi&source=repo-b");
        List<Element> entries = children(parse(filtered.body()).getDocumentElement(), "entry");
        assertThat(entries).hasSize(2);
        assertThat(server.get("/feed?q=" + URLEncoder.encode("a AND (b", StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theOpenSearchDescriptionSaysWhereToSendAQuery() throws Exception {
        HttpResponse<String> response = server.get("/opensearch.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/opensearchdescription+xml");
        Element description = parse(response.body()).getDocumentElement();
        assertThat(description.getNamespaceURI()).isEqualTo(OPENSEARCH);
        assertThat(description.getLocalName()).isEqualTo("OpenSearchDescription");
        // ShortName: at most 16 characters; Description: at most 1024 (OpenSearch 1.1).
        assertThat(one(description, "ShortName").getTextContent()).isEqualTo("Lumbung").hasSizeLessThanOrEqualTo(16);
        assertThat(one(description, "Description").getTextContent()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
        List<String> urls = new ArrayList<>();
        for (Element url : children(description, "Url")) {
            urls.add(url.getAttribute("type") + " " + url.getAttribute("template"));
        }
        assertThat(urls).anyMatch(u -> u.startsWith("text/html ") && u.endsWith("/?q={searchTerms}"))
                .anyMatch(u -> u.startsWith("application/atom+xml ") && u.endsWith("/feed?q={searchTerms}"));
        // The feed's template, filled in, is a feed.
        String atom = urls.stream().filter(u -> u.startsWith("application/atom+xml ")).findFirst().orElseThrow();
        String path = atom.substring(atom.indexOf("/feed")).replace("{searchTerms}", "diplomasi");
        assertThat(server.get(path).body()).contains("<feed xmlns=\"" + ATOM + "\"");
    }

    @Test
    void aRecordsPageListsSimilarRecordsButNotItself() throws Exception {
        HttpResponse<String> response = server.get("/api/record?id="
                + URLEncoder.encode("journal-a:oai:journal-a:1", StandardCharsets.UTF_8));
        JsonNode view = new ObjectMapper().readTree(response.body());
        List<String> similar = new ArrayList<>();
        view.get("similar").forEach(s -> similar.add(s.get("id").asText()));
        // Indonesian like the record, and sharing its subject and a title word: the other Indonesian article.
        assertThat(similar).contains("repo-b:oai:repo-b:11").doesNotContain("journal-a:oai:journal-a:1");
        assertThat(similar.get(0)).isEqualTo("repo-b:oai:repo-b:11");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())
                    && (ATOM.equals(e.getNamespaceURI()) || OPENSEARCH.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element one(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(parent.getLocalName() + " has one " + name).hasSize(1);
        return found.get(0);
    }

    private static void assertOne(Element parent, String name) {
        one(parent, name);
    }
}
