package org.lumbung.search.cite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcRecord;
import org.lumbung.index.DocumentMapper;
import org.lumbung.testing.KnownRecords;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.Programs;
import org.lumbung.testing.Requirements;
import org.lumbung.testing.TestElasticsearch;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A query followed in a feed reader, on a serving Lumbung: the Atom feed of a search holds the records it finds, most
 * recently added or changed first, with what RFC 4287 requires, read by Python's feedparser (Debian's
 * python3-feedparser; skipped loudly where missing) as a feed reader reads it; the OpenSearch description's templates
 * lead to the page, the feed and the API. The known records are indexed a minute apart, the hostile one last.
 */
class FeedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FIRST = Instant.parse("2026-11-01T08:00:00Z");
    private static LumbungServer server;

    @BeforeAll
    static void start() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(FeedIT.class);
        server = LumbungServer.start(prefix);
        String alias = prefix + "-records";
        List<DcRecord> records = KnownRecords.records();
        for (int i = 0; i < records.size(); i++) {
            DcRecord record = records.get(i);
            var doc = DocumentMapper.toDocument(record, FIRST.plusSeconds(60L * i));
            TestElasticsearch.client().index(x -> x.index(alias).id(record.id()).document(doc));
        }
        Map<String, Object> hostile = KnownRecords.hostileDocument(FIRST.plusSeconds(600));
        TestElasticsearch.client().index(x -> x.index(alias).id(KnownRecords.HOSTILE_ID).document(hostile));
        TestElasticsearch.client().indices().refresh(r -> r.index(alias));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSearchsFeedHoldsWhatItFindsNewestAddedFirst() throws Exception {
        HttpResponse<String> response = server.get("/api/search/feed?q=diplomasi");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=UTF-8");
        Document doc = AtomRules.check(response.body());
        Element feed = doc.getDocumentElement();
        String page = server.base() + "/record?id=";
        assertThat(AtomRules.children(feed, "entry")).extracting(e -> AtomRules.text(e, "id")).containsExactly(
                page + enc(KnownRecords.HOSTILE_ID), page + enc("repo-b:oai:repo-b:11"),
                page + enc("journal-a:oai:journal-a:2"), page + enc("journal-a:oai:journal-a:1"));
        assertThat(AtomRules.text(feed, "updated")).isEqualTo(FIRST.plusSeconds(600).toString());
        assertThat(AtomRules.text(feed, "title")).isEqualTo("Lumbung: records matching \u201cdiplomasi\u201d");
        assertThat(AtomRules.links(feed, "self").get(0).getAttribute("href"))
                .isEqualTo(server.base() + "/api/search/feed?q=diplomasi");
        Element hostile = AtomRules.children(feed, "entry").get(0);
        assertThat(AtomRules.text(hostile, "title")).as("markup stays text").isEqualTo(KnownRecords.HOSTILE_TITLE);
        Element oldest = AtomRules.children(feed, "entry").get(3);
        assertThat(AtomRules.text(oldest, "updated")).isEqualTo(FIRST.toString());
        assertThat(AtomRules.text(oldest, "published")).isEqualTo("2021-03-15T00:00:00Z");
        assertThat(AtomRules.text(AtomRules.children(oldest, "author").get(0), "name")).isEqualTo("Budi Santoso");
        assertThat(AtomRules.links(oldest, "related")).extracting(l -> l.getAttribute("href"))
                .contains("https://journal-a.example/index.php/j/article/view/1");

        HttpResponse<String> narrowed = server.get("/api/search/feed?q=diplomasi&source=repo-b&size=1");
        assertThat(AtomRules.children(AtomRules.check(narrowed.body()).getDocumentElement(), "entry"))
                .extracting(e -> AtomRules.text(e, "id")).containsExactly(page + enc(KnownRecords.HOSTILE_ID));
        HttpResponse<String> nothing = server.get("/api/search/feed?q=tidakadasamasekali");
        assertThat(AtomRules.children(AtomRules.check(nothing.body()).getDocumentElement(), "entry")).isEmpty();
    }

    @Test
    void aFeedHasNoPagesAndSaysSo() throws Exception {
        for (String query : List.of("page=2", "cursor=*", "q=a+AND+(b", "size=1000")) {
            HttpResponse<String> response = server.get("/api/search/feed?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).as(query).isNotBlank();
        }
    }

    @Test
    void aFeedReaderReadsTheFeed() throws Exception {
        Requirements.debianPackages(Programs.pythonModule("feedparser"), "python3-feedparser", "Reading the Atom feed as a feed reader");
        String body = server.get("/api/search/feed?q=diplomasi").body();
        JsonNode read = JSON.readTree(Programs.run(body, "/usr/bin/python3", "-c", FEEDPARSER));
        assertThat(read.get("bozo").asBoolean()).as(read.toString()).isFalse();
        assertThat(read.get("version").asText()).isEqualTo("atom10");
        assertThat(read.get("title").asText()).isEqualTo("Lumbung: records matching \u201cdiplomasi\u201d");
        List<String> titles = new ArrayList<>();
        read.get("entries").forEach(e -> titles.add(e.get("title").asText()));
        assertThat(titles).hasSize(4).contains("Kebijakan luar negeri Indonesia terhadap Turki",
                "Climate diplomacy of small island states", "Diplomasi maritim Indonesia");
        JsonNode first = read.get("entries").get(3);
        assertThat(first.get("link").asText()).isEqualTo(server.base() + "/record?id="
                + enc("journal-a:oai:journal-a:1"));
        assertThat(first.get("author").asText()).isEqualTo("Budi Santoso");
        assertThat(first.get("updated").asText()).isEqualTo("2026-11-01T08:00:00Z");
    }

    @Test
    void theOpenSearchDescriptionLeadsToThePageTheFeedAndTheApi() throws Exception {
        HttpResponse<String> response = server.get("/opensearch.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/opensearchdescription+xml; charset=UTF-8");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                response.body().getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI() + " " + root.getLocalName())
                .isEqualTo(AtomFeed.OPENSEARCH + " OpenSearchDescription");
        assertThat(root.getElementsByTagNameNS(AtomFeed.OPENSEARCH, "ShortName").item(0).getTextContent())
                .isEqualTo("Lumbung").hasSizeLessThanOrEqualTo(16);
        assertThat(root.getElementsByTagNameNS(AtomFeed.OPENSEARCH, "Description").item(0).getTextContent())
                .hasSizeLessThanOrEqualTo(1024);
        NodeList urls = root.getElementsByTagNameNS(AtomFeed.OPENSEARCH, "Url");
        Map<String, String> templates = new LinkedHashMap<>();
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            templates.put(url.getAttribute("type"), url.getAttribute("template"));
        }
        assertThat(templates).containsOnlyKeys("text/html", "application/atom+xml", "application/json",
                "application/opensearchdescription+xml");
        String feed = fill(templates.get("application/atom+xml"));
        assertThat(AtomRules.children(AtomRules.check(server.get(feed).body()).getDocumentElement(), "entry"))
                .hasSize(4);
        JsonNode api = JSON.readTree(server.get(fill(templates.get("application/json"))).body());
        assertThat(api.get("total").asInt()).isEqualTo(4);
        assertThat(server.get(fill(templates.get("text/html"))).statusCode()).isEqualTo(200);
        assertThat(server.get("/").body()).as("the search page offers the description to browsers").contains(
                "<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"Lumbung\""
                        + " href=\"/opensearch.xml\">");
    }

    /** A template filled as a client fills it: the terms, optional parameters left out, relative to the server. */
    private static String fill(String template) {
        return template.substring(server.base().length()).replace("{searchTerms}", "diplomasi")
                .replaceAll("&[a-zA-Z]+=\\{[a-zA-Z]+\\?}", "");
    }

    private static String enc(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** Reads a feed from standard input as feedparser does and prints what a reader shows, as JSON. */
    private static final String FEEDPARSER = String.join("\n",
            "import json, sys, feedparser",
            "d = feedparser.parse(sys.stdin.buffer.read())",
            "print(json.dumps({'bozo': bool(d.bozo), 'version': d.version, 'title': d.feed.get('title'),",
            "  'entries': [{'title': e.get('title'), 'link': e.get('link'), 'author': e.get('author'),",
            "  'updated': e.get('updated')} for e in d.entries]}))");
}
