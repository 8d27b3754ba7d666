package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdcc.xoai.model.oaipmh.Error;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.OaiTestServer;

class OaiPageParserTest {

    private final OaiPageParser parser = new OaiPageParser();

    private OaiPage parse(String fixture) throws HarvestException {
        return parser.parse(new ByteArrayInputStream(OaiTestServer.fixture(fixture)), "jhi", "http://x/oai", "oai_dc");
    }

    @Test
    void readsRecordsHeadersAndTheResumptionTokenExactly() throws Exception {
        OaiPage page = parse("oai/ojs-listrecords-page1.xml");
        assertThat(page.responseDate()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(page.baseUrl()).isEqualTo("https://jurnal.example.ac.id/index.php/jhi/oai");
        assertThat(page.records()).extracting(r -> r.header().identifier()).containsExactly(
                "oai:jurnal.example.ac.id:article/101", "oai:jurnal.example.ac.id:article/102",
                "oai:jurnal.example.ac.id:article/103");
        RawRecord first = page.records().get(0);
        assertThat(first.header().datestamp()).isEqualTo("2026-03-15T04:12:09Z");
        assertThat(first.header().setSpecs()).containsExactly("jhi:ART");
        assertThat(first.metadata().localName()).isEqualTo("dc");
        assertThat(first.metadata().elements("title").get(0).lang()).isEqualTo("id-ID");
        assertThat(page.resumptionToken().value()).isEqualTo("ojs/page 2+x=1!");
        assertThat(page.resumptionToken().completeListSize()).isEqualTo(7);
        assertThat(page.nextToken()).isEqualTo("ojs/page 2+x=1!");
    }

    @Test
    void keepsDeletedHeadersWithoutMetadata() throws Exception {
        OaiPage page = parse("oai/ojs-listrecords-page2.xml");
        RawRecord deleted = page.records().get(1);
        assertThat(deleted.header().deleted()).isTrue();
        assertThat(deleted.header().identifier()).isEqualTo("oai:jurnal.example.ac.id:article/105");
        assertThat(deleted.metadata()).isNull();
    }

    @Test
    void anEmptyTokenEndsTheList() throws Exception {
        OaiPage page = parse("oai/ojs-listrecords-page3.xml");
        assertThat(page.records()).hasSize(2);
        assertThat(page.resumptionToken().endsList()).isTrue();
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void treatsNoRecordsMatchAsAnEmptyPage() throws Exception {
        OaiPage page = parse("oai/error-noRecordsMatch.xml");
        assertThat(page.records()).isEmpty();
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void reportsOtherOaiErrorsByName() {
        assertThatThrownBy(() -> parse("oai/error-badResumptionToken.xml"))
                .isInstanceOfSatisfying(HarvestException.class, e -> {
                    assertThat(e.oaiCode()).isEqualTo(Error.Code.BAD_RESUMPTION_TOKEN);
                    assertThat(e.getMessage()).contains("source jhi", "badResumptionToken", "http://x/oai");
                });
    }

    @Test
    void rejectsAnHtmlPageNamingSourceAndUrl() {
        assertThatThrownBy(() -> parse("oai/html-error-page.html"))
                .isInstanceOf(HarvestException.class)
                .hasMessageContaining("source jhi")
                .hasMessageContaining("not an OAI-PMH response: an HTML page titled 'Error' (the body is <html>)")
                .hasMessageContaining("http://x/oai");
    }

    @Test
    void reportsATruncatedPageAsMalformedNotAsTheEndOfTheList() {
        byte[] whole = OaiTestServer.fixture("oai/ojs-listrecords-page1.xml");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(cut), "jhi", "http://x/oai", "oai_dc"))
                .isInstanceOf(HarvestException.class)
                .hasMessageContaining("malformed XML");
    }

    @Test
    void takesThePrefixFromTheRequestElementOfASavedResponse() throws Exception {
        OaiPage page = parser.parse(new ByteArrayInputStream(OaiTestServer.fixture("oai/ojs-listrecords-page1.xml")),
                "jhi", "file", null);
        assertThat(page.records()).allMatch(r -> r.metadataPrefix().equals("oai_dc"));
    }

    /** Found by fuzzing: an Identify without its (required) repositoryName stopped the parse with a null pointer. */
    @Test
    void readsAnIdentifyThatLacksTheRepositorysName() throws Exception {
        String xml = """
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
                  <responseDate>2026-12-06T09:00:00Z</responseDate>
                  <request verb="Identify">https://eprints.example.ac.id/cgi/oai2</request>
                  <Identify>
                    <baseURL>https://eprints.example.ac.id/cgi/oai2</baseURL>
                    <protocolVersion>2.0</protocolVersion>
                    <earliestDatestamp>2011-02-01T00:00:00Z</earliestDatestamp>
                    <deletedRecord>persistent</deletedRecord>
                    <granularity>YYYY-MM-DDThh:mm:ssZ</granularity>
                    <description><eprints xmlns="http://www.openarchives.org/OAI/1.1/eprints"><content>
                      <text>Powered by EPrints 3</text></content></eprints></description>
                  </Identify>
                </OAI-PMH>""";
        Identify identify = parser.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "jhi", "http://x/oai",
                null).identify();
        assertThat(identify.repositoryName()).isNull();
        assertThat(identify.baseUrl()).isEqualTo("https://eprints.example.ac.id/cgi/oai2");
        assertThat(identify.secondsGranularity()).isTrue();
        assertThat(identify.deletedRecord()).isEqualTo("persistent");
        assertThat(identify.software()).isEqualTo("eprints");
    }
}
