package org.lumbung.search.oai;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.results.Record;
import io.gdcc.xoai.model.oaipmh.results.record.Header;
import io.gdcc.xoai.serviceprovider.ServiceProvider;
import io.gdcc.xoai.serviceprovider.client.OAIClient;
import io.gdcc.xoai.serviceprovider.model.Context;
import io.gdcc.xoai.serviceprovider.parameters.ListIdentifiersParameters;
import io.gdcc.xoai.serviceprovider.parameters.ListRecordsParameters;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.OaiInfo;
import org.lumbung.dc.Provenance;
import org.lumbung.index.DocumentMapper;
import org.lumbung.index.IndexDocument;
import org.lumbung.source.Source;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.KnownRecords;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Lumbung's /oai as downstream harvesters see it: the six verbs over the known records and a tombstone, two records a
 * page; XOAI's own strict harvester and Lumbung's harvester take everything back.
 */
class OaiProviderIT {

    private static final String TOMBSTONE = "journal-a:oai:journal-a:3";
    private static LumbungServer server;
    private static String prefix;

    @BeforeAll
    static void start() throws Exception {
        prefix = TestElasticsearch.freshPrefix(OaiProviderIT.class);
        server = LumbungServer.start(prefix, Map.of(), Map.of("lumbung.oai.page-size", "2"));
        KnownRecords.index(prefix + "-records");
        DcRecord gone = DcRecord.tombstone(TOMBSTONE, "journal-a",
                new OaiInfo("oai:journal-a:3", "2023-01-01T00:00:00Z", List.of(), "oai_dc"),
                new Provenance("journal-a", "oai:journal-a:3", null, "2023-01-01T00:00:00Z", "oai_dc"));
        IndexDocument doc = DocumentMapper.toDocument(gone, Instant.now());
        TestElasticsearch.client().index(i -> i.index(prefix + "-records").id(TOMBSTONE).document(doc));
        TestElasticsearch.client().indices().refresh(r -> r.index(prefix + "-records"));
        server.lumbung().components().sourceStore().update("journal-a", s -> s.withDefinition(Source.oai("journal-a",
                "Jurnal A", "https://journal-a.example/index.php/j/oai", "oai_dc", List.of(), "0 0 3 * * ?", "ojs"),
                "added"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Document oai(String query) throws Exception {
        return answer(query, false);
    }

    /** The answer parsed, with its namespaces (as a schema validator reads it) or without (for short XPaths). */
    static Document answer(String query, boolean namespaces) throws Exception {
        HttpResponse<String> response = server.get("/oai?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml; charset=UTF-8");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(namespaces);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Document doc, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }

    static List<String> texts(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    /** Every page of a list, following the resumption tokens: identifier to the record element's text. */
    static Map<String, Document> list(String verb, String arguments) throws Exception {
        Map<String, Document> pages = new LinkedHashMap<>();
        Document page = oai("verb=" + verb + "&" + arguments);
        int n = 0;
        while (true) {
            pages.put("page" + (++n), page);
            String token = text(page, "//resumptionToken");
            if (token.isEmpty()) {
                return pages;
            }
            page = oai("verb=" + verb + "&resumptionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
    }

    static List<String> identifiers(Map<String, Document> pages) throws Exception {
        List<String> ids = new ArrayList<>();
        for (Document page : pages.values()) {
            ids.addAll(texts(page, "//header/identifier"));
        }
        return ids;
    }

    @Test
    void identifiesWithPersistentDeletionsSecondsAndTheConfiguredNames() throws Exception {
        Document identify = oai("verb=Identify");
        assertThat(text(identify, "//Identify/repositoryName")).isEqualTo("Lumbung");
        assertThat(text(identify, "//Identify/baseURL")).isEqualTo(server.base() + "/oai");
        assertThat(text(identify, "//Identify/deletedRecord")).isEqualTo("persistent");
        assertThat(text(identify, "//Identify/granularity")).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
        assertThat(text(identify, "//Identify/protocolVersion")).isEqualTo("2.0");
        assertThat(Instant.parse(text(identify, "//Identify/earliestDatestamp"))).isBefore(Instant.now());
        assertThat(texts(oai("verb=ListMetadataFormats"), "//metadataPrefix")).containsExactly("oai_dc");
        Document sets = oai("verb=ListSets");
        assertThat(texts(sets, "//set/setSpec")).containsExactlyInAnyOrder("journal-a", "repo-b");
        assertThat(text(sets, "//set[setSpec='journal-a']/setName")).isEqualTo("Jurnal A");
    }

    @Test
    void listsEveryRecordTwoAPageWithTombstonesAsDeletedHeadersAndProvenance() throws Exception {
        Map<String, Document> pages = list("ListRecords", "metadataPrefix=oai_dc");
        assertThat(pages).hasSize(3);
        List<String> ids = identifiers(pages);
        assertThat(ids).containsExactlyInAnyOrder("oai:lumbung:journal-a:oai:journal-a:1",
                "oai:lumbung:journal-a:oai:journal-a:2", "oai:lumbung:journal-a:oai:journal-a:3",
                "oai:lumbung:repo-b:oai:repo-b:10", "oai:lumbung:repo-b:oai:repo-b:11",
                "oai:lumbung:repo-b:oai:repo-b:666");
        Document first = pages.get("page1");
        assertThat(text(first, "//resumptionToken/@completeListSize")).isEqualTo("6");
        assertThat(text(first, "//resumptionToken/@cursor")).isEqualTo("0");
        assertThat(text(pages.get("page2"), "//resumptionToken/@cursor")).isEqualTo("2");
        Document withTombstone = pages.values().stream().filter(p -> {
            try {
                return !texts(p, "//header[@status='deleted']/identifier").isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(texts(withTombstone, "//header[@status='deleted']/identifier"))
                .containsExactly("oai:lumbung:journal-a:oai:journal-a:3");
        assertThat(texts(withTombstone, "//record[header/@status='deleted']/metadata")).isEmpty();

        Document record = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier="
                + URLEncoder.encode("oai:lumbung:journal-a:oai:journal-a:1", StandardCharsets.UTF_8));
        assertThat(texts(record, "//metadata/dc/title")).containsExactly("Kebijakan luar negeri Indonesia terhadap Turki");
        assertThat(text(record, "//metadata/dc/title/@*[local-name()='lang']")).isEqualTo("id");
        assertThat(texts(record, "//header/setSpec")).containsExactly("journal-a");
        assertThat(text(record, "//about/provenance/originDescription/baseURL"))
                .isEqualTo("https://journal-a.example/index.php/j/oai");
        assertThat(text(record, "//about/provenance/originDescription/identifier")).isEqualTo("oai:journal-a:1");
        assertThat(text(record, "//about/provenance/originDescription/datestamp")).isEqualTo("2021-03-01T00:00:00Z");
        assertThat(text(record, "//about/provenance/originDescription/metadataNamespace"))
                .isEqualTo("http://www.openarchives.org/OAI/2.0/oai_dc/");
        Document hostile = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier="
                + URLEncoder.encode("oai:lumbung:" + KnownRecords.HOSTILE_ID, StandardCharsets.UTF_8));
        assertThat(texts(hostile, "//metadata/dc/title")).as("markup in a value is escaped text in the XML")
                .containsExactly(KnownRecords.HOSTILE_TITLE);
    }

    @Test
    void selectsBySetAndDatestampAndAnswersProtocolErrorsByName() throws Exception {
        assertThat(identifiers(list("ListIdentifiers", "metadataPrefix=oai_dc&set=repo-b"))).containsExactlyInAnyOrder(
                "oai:lumbung:repo-b:oai:repo-b:10", "oai:lumbung:repo-b:oai:repo-b:11", "oai:lumbung:repo-b:oai:repo-b:666");
        String now = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertThat(identifiers(list("ListIdentifiers", "metadataPrefix=oai_dc&until=" + now))).hasSize(6);
        assertThat(text(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2000-01-01T00:00:00Z&until=2000-01-02T00:00:00Z"),
                "//error/@code")).isEqualTo("noRecordsMatch");
        assertThat(text(oai("verb=ListRecords&resumptionToken=bm90LWEtdG9rZW4"), "//error/@code"))
                .isEqualTo("badResumptionToken");
        assertThat(text(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere:1"), "//error/@code"))
                .isEqualTo("idDoesNotExist");
        assertThat(text(oai("verb=ListRecords&metadataPrefix=marc21"), "//error/@code"))
                .isEqualTo("cannotDisseminateFormat");
        assertThat(text(oai("verb=Harvest"), "//error/@code")).isEqualTo("badVerb");
        assertThat(identifiers(list("ListIdentifiers", "metadataPrefix=oai_dc&from=2000-01-01")))
                .as("a day-granularity from, which every repository must take").hasSize(6);
    }

    @Test
    void mixedGranularityInFromAndUntilIsABadArgument() throws Exception {
        for (String window : List.of("from=2000-01-01T00:00:00Z&until=2020-01-01",
                "from=2000-01-01&until=2020-01-01T00:00:00Z")) {
            assertThat(text(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&" + window), "//error/@code"))
                    .as(window).isEqualTo("badArgument");
        }
        assertThat(identifiers(list("ListIdentifiers", "metadataPrefix=oai_dc&from=2000-01-01&until=2100-01-01")))
                .as("both at day granularity").hasSize(6);
    }

    /** Every verb, every page of each list, a tombstone and each protocol error, as a schema validator reads them. */
    @Test
    void everyAnswerKeepsTheOaiPmhAndOaiDcSchemas() throws Exception {
        Pattern seconds = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        String id = URLEncoder.encode("oai:lumbung:journal-a:oai:journal-a:1", StandardCharsets.UTF_8);
        List<String> queries = new ArrayList<>(List.of("verb=Identify", "verb=ListMetadataFormats",
                "verb=ListMetadataFormats&identifier=" + id, "verb=ListSets",
                "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + id,
                "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:lumbung:" + TOMBSTONE,
                "verb=GetRecord&metadataPrefix=oai_dc&identifier=" + URLEncoder.encode("oai:lumbung:"
                        + KnownRecords.HOSTILE_ID, StandardCharsets.UTF_8),
                "verb=Harvest", "verb=ListRecords", "verb=ListRecords&metadataPrefix=marc21",
                "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere:1",
                "verb=ListRecords&resumptionToken=bm90LWEtdG9rZW4",
                "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2000-01-01T00:00:00Z&until=2000-01-02T00:00:00Z",
                "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2000-01-01T00:00:00Z&until=2020-01-01",
                "verb=ListSets&resumptionToken=x"));
        for (String verb : List.of("ListRecords", "ListIdentifiers")) {
            queries.add("verb=" + verb + "&metadataPrefix=oai_dc");
        }
        int pages = 0;
        while (!queries.isEmpty()) {
            String query = queries.remove(0);
            Document answer = answer(query, true);
            try {
                OaiSchemaRules.check(answer, seconds);
            } catch (AssertionError e) {
                throw new AssertionError(query + ": " + e.getMessage(), e);
            }
            var token = answer.getElementsByTagNameNS(OaiSchemaRules.OAI, "resumptionToken");
            if (token.getLength() > 0 && !token.item(0).getTextContent().isEmpty()) {
                queries.add("verb=" + answer.getElementsByTagNameNS(OaiSchemaRules.OAI, "request").item(0)
                        .getAttributes().getNamedItem("verb").getNodeValue() + "&resumptionToken="
                        + URLEncoder.encode(token.item(0).getTextContent(), StandardCharsets.UTF_8));
            }
            pages++;
        }
        assertThat(pages).as("15 answers and the lists' 3 pages each").isEqualTo(21);
        assertThat(text(oai("verb=Identify"), "//Identify/adminEmail")).isEqualTo("admin@lumbung.invalid");
    }

    @Test
    void answersAPostedFormAsItAnswersAGet() throws Exception {
        HttpResponse<String> posted = server.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.base() + "/oai"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("verb=ListSets")));
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("<setSpec>journal-a</setSpec>", "<setSpec>repo-b</setSpec>");
    }

    @Test
    void xoaisStrictHarvesterTakesEveryRecordAndHeader() throws Exception {
        ServiceProvider harvester = new ServiceProvider(new Context().withBaseUrl(server.base() + "/oai")
                .withGranularity(Granularity.Second)
                .withMetadataTransformer("oai_dc", Context.KnownTransformer.OAI_DC)
                .withOAIClient(OAIClient.newBuilder().withBaseUrl(server.base() + "/oai").build()));
        assertThat(harvester.identify().getRepositoryName()).isEqualTo("Lumbung");
        List<String> records = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Iterator<Record> it = harvester.listRecords(ListRecordsParameters.request().withMetadataPrefix("oai_dc"));
             it.hasNext();) {
            Record record = it.next();
            Header header = record.getHeader();
            (header.isDeleted() ? deleted : records).add(header.getIdentifier());
            if (!header.isDeleted()) {
                record.getMetadata().getXoaiMetadata().searcher().findAll("dc.title").forEach(titles::add);
            }
        }
        assertThat(records).hasSize(5).doesNotHaveDuplicates();
        // (XOAI's oai_dc reader keeps only the text before the first escaped '<' of a value; the raw XML is checked
        // above to carry the hostile title whole.)
        assertThat(titles).contains("Kebijakan luar negeri Indonesia terhadap Turki",
                "Climate diplomacy of small island states", "Sejarah perpustakaan di Jawa", "Diplomasi maritim Indonesia");
        assertThat(deleted).containsExactly("oai:lumbung:" + TOMBSTONE);
        List<String> headers = new ArrayList<>();
        harvester.listIdentifiers(ListIdentifiersParameters.request().withMetadataPrefix("oai_dc"))
                .forEachRemaining(h -> headers.add(h.getIdentifier()));
        assertThat(headers).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void lumbungsOwnHarvesterTakesEveryRecordBack() throws Exception {
        String copy = TestElasticsearch.freshPrefix(LumbungCopy.class);
        var result = Harvests.harvest(server.base() + "/oai", "lumbung-self", copy);
        assertThat(result.status()).as(result.out()).isZero();
        assertThat(result.out()).contains("5 records indexed, 1 deleted, 0 failed");
        @SuppressWarnings("rawtypes")
        Map<String, Map> back = Harvests.records(copy);
        assertThat(back.keySet()).containsExactlyInAnyOrder(
                "lumbung-self:oai:lumbung:journal-a:oai:journal-a:1", "lumbung-self:oai:lumbung:journal-a:oai:journal-a:2",
                "lumbung-self:oai:lumbung:journal-a:oai:journal-a:3", "lumbung-self:oai:lumbung:repo-b:oai:repo-b:10",
                "lumbung-self:oai:lumbung:repo-b:oai:repo-b:11", "lumbung-self:oai:lumbung:repo-b:oai:repo-b:666");
        assertThat(back.get("lumbung-self:oai:lumbung:journal-a:oai:journal-a:1").get("dc").toString())
                .contains("title=[Kebijakan luar negeri Indonesia terhadap Turki]", "creator=[Santoso, Budi]");
        assertThat(back.get("lumbung-self:oai:lumbung:journal-a:oai:journal-a:3").get("deleted")).isEqualTo(true);
    }

    /** Names the index prefix of the harvested copy. */
    private static final class LumbungCopy {
    }
}
