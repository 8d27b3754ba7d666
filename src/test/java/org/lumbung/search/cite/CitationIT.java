package org.lumbung.search.cite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.search.WebAssets;
import org.lumbung.testing.Cli;
import org.lumbung.testing.KnownRecords;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.Programs;
import org.lumbung.testing.Requirements;
import org.lumbung.testing.SeedPage;
import org.lumbung.testing.TestElasticsearch;

/**
 * The seed article's page and exports as reference managers and harvesters take them from a serving Lumbung: the head
 * read by jsoup and Jackson, the Signposting links against FAIR Signposting level 1, and the exports read by Debian's
 * own parsers: pybtex for BibTeX, bibutils' ris2xml for RIS (skipped loudly where python3-pybtex or bibutils is
 * missing), Jackson for CSL-JSON. The known records, the hostile one among them, are indexed beside it.
 */
class CitationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITLE = "Kebijakan Luar Negeri Turki: Kesepakatan Turki kepada Rusia dalam Mendirikan"
            + " Pusat Gabungan Turki-Rusia Pasca Konflik Nagorno-Karabakh";
    private static final String SEED = URLEncoder.encode(SeedPage.URL, StandardCharsets.UTF_8);
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[a-z]+=\"[^\"]*\")*)");
    private static LumbungServer server;

    @BeforeAll
    static void start() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(CitationIT.class);
        server = LumbungServer.start(prefix);
        KnownRecords.index(prefix + "-records");
        Cli.Result ingest = Cli.onTestEs(prefix, "ingest", SeedPage.FILE.toString(), "--url", SeedPage.URL,
                "--source", "undip-jihi-pages");
        assertThat(ingest.status()).as(ingest.out()).isZero();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return server.get(path);
    }

    @Test
    void theRecordPagesHeadCarriesTheCitationTagsAndJsonLdAsServed() throws Exception {
        HttpResponse<String> response = get("/record?id=" + SEED);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue(WebAssets.CONTENT_SECURITY_POLICY);
        Document page = Jsoup.parse(response.body());
        assertThat(meta(page, "citation_title")).containsExactly(TITLE);
        assertThat(meta(page, "citation_author"))
                .containsExactly("Wiku, Falentinoris Yubilio", "Putranti, Ika Riswanti", "Hanura, Marten");
        assertThat(meta(page, "citation_author_institution")).hasSize(3)
                .containsOnly("Department of International Relations, Indonesia");
        assertThat(meta(page, "citation_language")).containsExactly("id");
        assertThat(meta(page, "citation_keywords")).containsExactly("Nagorno-Karabakh Conflict", "Foreign Policy",
                "Turkey", "President Recep Tayyip Erdoğan");
        assertThat(meta(page, "citation_abstract_html_url")).containsExactly(SeedPage.URL);
        // The saved page states no date, DOI, journal, ORCID or PDF (its quality flags say so): none is made up.
        assertThat(page.select("meta[name~=citation_(publication_date|doi|journal_title|author_orcid|pdf_url)]"))
                .isEmpty();
        JsonNode ld = JSON.readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.get("@type").asText()).isEqualTo("ScholarlyArticle");
        assertThat(ld.get("name").asText()).isEqualTo(TITLE);
        List<String> authors = new ArrayList<>();
        ld.get("author").forEach(a -> authors.add(a.get("@type").asText() + ": " + a.get("name").asText() + ", "
                + a.get("affiliation").get("name").asText()));
        assertThat(authors).containsExactly(
                "Person: Falentinoris Yubilio Wiku, Department of International Relations, Indonesia",
                "Person: Ika Riswanti Putranti, Department of International Relations, Indonesia",
                "Person: Marten Hanura, Department of International Relations, Indonesia");
        assertThat(page.select("script[src]").eachAttr("src")).as("the page's own script still shows the record")
                .containsExactly("/assets/lumbung.js");
    }

    @Test
    void aHostileRecordsPageHasItsTextInAttributesAndNoScriptOfItsOwn() throws Exception {
        HttpResponse<String> response = get("/record?id=" + URLEncoder.encode(KnownRecords.HOSTILE_ID,
                StandardCharsets.UTF_8));
        Document page = Jsoup.parse(response.body());
        assertThat(meta(page, "citation_title")).containsExactly(KnownRecords.HOSTILE_TITLE);
        assertThat(page.select("script")).hasSize(2);
        assertThat(page.select("img")).isEmpty();
        assertThat(JSON.readTree(page.selectFirst("script[type=application/ld+json]").data()).get("name").asText())
                .isEqualTo(KnownRecords.HOSTILE_TITLE);
    }

    @Test
    void signpostsTheRecordAsFairSignpostingLevelOneAsks() throws Exception {
        HttpResponse<String> response = get("/record?id=" + SEED);
        List<String[]> links = links(response.headers().allValues("Link"));
        String page = server.base() + "/record?id=" + SEED;
        assertThat(links).filteredOn(l -> l[1].equals("cite-as")).as("exactly one cite-as: the page, with no DOI")
                .extracting(l -> l[0]).containsExactly(page);
        List<String[]> describedBy = links.stream().filter(l -> l[1].equals("describedby")).toList();
        assertThat(describedBy).extracting(l -> l[2]).containsExactly("application/json", "application/x-bibtex",
                "application/x-research-info-systems", "application/vnd.citationstyles.csl+json");
        for (String[] link : describedBy) {
            HttpResponse<String> metadata = get(link[0].substring(server.base().length()));
            assertThat(metadata.statusCode()).as(link[0]).isEqualTo(200);
            assertThat(metadata.headers().firstValue("Content-Type").orElseThrow()).startsWith(link[2]);
        }
        assertThat(links).filteredOn(l -> l[1].equals("type")).extracting(l -> l[0])
                .containsExactly("https://schema.org/ScholarlyArticle", "https://schema.org/AboutPage");
        assertThat(links).extracting(l -> l[1]).as("the seed states no full text, licence or ORCID")
                .doesNotContain("item", "license", "author");
        assertThat(get("/record?id=nothing-here").statusCode()).isEqualTo(404);
        assertThat(get("/record?id=nothing-here").headers().allValues("Link")).isEmpty();
    }

    @Test
    void exportsBibtexThatPybtexReads() throws Exception {
        Requirements.debianPackages(Programs.pythonModule("pybtex.database"), "python3-pybtex", "Reading the BibTeX export");
        HttpResponse<String> one = get("/api/record/export?format=bibtex&id=" + SEED);
        assertThat(one.headers().firstValue("Content-Type")).hasValue("application/x-bibtex; charset=UTF-8");
        assertThat(one.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"lumbung-https-"
                + "ejournal3.undip.ac.id-index.php-jihi-article-view-34353-0.bib\"");
        JsonNode entries = JSON.readTree(Programs.run(one.body(), "/usr/bin/python3", "-c", PYBTEX));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("type").asText()).isEqualTo("article");
        assertThat(entries.get(0).get("title").asText()).isEqualTo(TITLE);
        assertThat(entries.get(0).get("authors").toString()).isEqualTo(
                "[\"Wiku, Falentinoris Yubilio\",\"Putranti, Ika Riswanti\",\"Hanura, Marten\"]");
        HttpResponse<String> list = get("/api/search/export?q=diplomasi&format=bibtex");
        assertThat(list.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"lumbung-search.bib\"");
        JsonNode found = JSON.readTree(Programs.run(list.body(), "/usr/bin/python3", "-c", PYBTEX));
        assertThat(found).as("the hostile record among them parses too").hasSize(4);
        assertThat(found.findValuesAsText("title")).allMatch(t -> !t.isBlank()).anyMatch(t -> t.contains("alert")
                || t.contains("onerror"));
    }

    @Test
    void exportsRisThatRis2xmlTurnsIntoMods() throws Exception {
        Requirements.debianPackages(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/ris2xml")),
                "bibutils", "Reading the RIS export");
        HttpResponse<String> one = get("/api/record/export?format=ris&id=" + SEED);
        assertThat(one.headers().firstValue("Content-Type"))
                .hasValue("application/x-research-info-systems; charset=UTF-8");
        Document mods = Jsoup.parse(Programs.run(one.body(), "/usr/bin/ris2xml"), Parser.xmlParser());
        assertThat(mods.select("mods > titleInfo > title").eachText()).containsExactly(TITLE.substring(0,
                TITLE.indexOf(':')));
        assertThat(mods.select("mods > titleInfo > subTitle").eachText()).containsExactly(
                TITLE.substring(TITLE.indexOf(':') + 2));
        assertThat(mods.select("mods > name namePart[type=family]").eachText())
                .containsExactly("Wiku", "Putranti", "Hanura");
        Document all = Jsoup.parse(Programs.run(get("/api/search/export?format=ris").body(), "/usr/bin/ris2xml"),
                Parser.xmlParser());
        assertThat(all.select("modsCollection > mods")).as("every record, the hostile one too").hasSize(6);
    }

    @Test
    void exportsCslJsonWithTheRequiredFields() throws Exception {
        HttpResponse<String> one = get("/api/record/export?format=csl-json&id=" + SEED);
        assertThat(one.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.citationstyles.csl+json; charset=UTF-8");
        JsonNode item = JSON.readTree(one.body()).get(0);
        assertThat(item.get("id").asText()).isEqualTo(SeedPage.URL);
        assertThat(item.get("type").asText()).isEqualTo("article-journal");
        assertThat(item.get("title").asText()).isEqualTo(TITLE);
        assertThat(item.get("author").findValuesAsText("family")).containsExactly("Wiku", "Putranti", "Hanura");
        assertThat(item.get("URL").asText()).isEqualTo(SeedPage.URL);
        assertThat(JSON.readTree(get("/api/search/export?q=diplomasi&sort=newest&format=csl-json").body())
                .findValuesAsText("id")).containsExactly("journal-a:oai:journal-a:1", "repo-b:oai:repo-b:11",
                "journal-a:oai:journal-a:2", KnownRecords.HOSTILE_ID);
        assertThat(get("/api/search/export?q=x&format=endnote").statusCode()).isEqualTo(400);
        assertThat(get("/api/record/export?format=ris&id=nothing-here").statusCode()).isEqualTo(404);
    }

    /** Reads BibTeX from standard input strictly (any error fails) and prints its entries as JSON. */
    private static final String PYBTEX = String.join("\n",
            "import json, sys, pybtex.errors, pybtex.database",
            "pybtex.errors.set_strict_mode(True)",
            "data = pybtex.database.parse_string(sys.stdin.read(), 'bibtex')",
            "print(json.dumps([{'key': k, 'type': e.type, 'title': e.fields.get('title'),",
            "  'authors': [str(p) for p in e.persons.get('author', [])]} for k, e in data.entries.items()]))");

    private static List<String> meta(Document page, String name) {
        return page.select("meta[name=" + name + "]").eachAttr("content");
    }

    /** Each link of the Link headers as target, rel, type (null when it has none). */
    private static List<String[]> links(List<String> headers) {
        List<String[]> out = new ArrayList<>();
        for (String header : headers) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                Matcher rel = Pattern.compile("rel=\"([^\"]*)\"").matcher(m.group(2));
                Matcher type = Pattern.compile("type=\"([^\"]*)\"").matcher(m.group(2));
                out.add(new String[] {m.group(1), rel.find() ? rel.group(1) : null,
                    type.find() ? type.group(1) : null});
            }
        }
        return out;
    }
}
