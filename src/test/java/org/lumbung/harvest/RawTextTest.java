package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A record's raw text is cut out of the page it came in, not written out again: it must be exactly the page's text
 * of its metadata (plus the namespaces declared around it), for every record of a page however long, and read back
 * into the same tree.
 */
class RawTextTest {

    private static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private final OaiPageParser parser = new OaiPageParser();

    /** A record's metadata whose text varies in length, script, line ends, escapes, comments and CDATA. */
    private static String metadata(int i) {
        String line = i % 3 == 0 ? "\r\n    " : "\n  ";
        return "<oai_dc:dc>" + line
                + "<dc:title xml:lang=\"id\">Diplomasi ekonomi " + i + " &amp; \u00e9tudes \u4e2d\u6587 \ud83d\udcda"
                + "</dc:title>" + line
                + "<!-- a comment -->" + "<dc:description><![CDATA[<p>Abstrak</p> ]]>" + "x".repeat(i * 37 % 900)
                + "</dc:description>" + line
                + "<dc:date xsi:type=\"dcterms:W3CDTF\">2024</dc:date><dc:identifier/>" + line
                + "</oai_dc:dc>";
    }

    private static String page(int records) {
        StringBuilder page = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" xmlns:oai_dc=\"" + OAI_DC + "\" xmlns:dc=\""
                + DC + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:dcterms=\""
                + "http://purl.org/dc/terms/\">\n<responseDate>2026-12-05T00:00:00Z</responseDate>\n"
                + "<request verb=\"ListRecords\">http://x/oai</request>\n<ListRecords>\n");
        for (int i = 0; i < records; i++) {
            page.append("<record><header><identifier>oai:x:").append(i).append("</identifier>")
                    .append("<datestamp>2026-01-01</datestamp></header>\n<metadata>")
                    .append(metadata(i)).append("</metadata></record>\n");
        }
        return page.append("</ListRecords>\n</OAI-PMH>\n").toString();
    }

    /** The page's text of a record with the envelope's namespaces it uses declared on its root. */
    private static String expected(int i) {
        return metadata(i).replaceFirst("^<oai_dc:dc>", "<oai_dc:dc xmlns:oai_dc=\"" + OAI_DC + "\" xmlns:dc=\"" + DC
                + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:dcterms=\""
                + "http://purl.org/dc/terms/\">");
    }

    @Test
    void everyRecordOfALongPageKeepsThePagesOwnText() throws Exception {
        int records = 2_000; // about 1.3 MB: many times the reader's buffer, with characters of 1, 2, 3 and 4 bytes
        OaiPage page = parser.parse(page(records).getBytes(StandardCharsets.UTF_8), "x", "http://x/oai", "oai_dc");
        assertThat(page.records()).hasSize(records);
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            RawRecord record = page.records().get(i);
            assertThat(record.header().identifier()).isEqualTo("oai:x:" + i);
            if (!expected(i).equals(record.metadataXml())) {
                wrong.add(i);
            }
        }
        assertThat(wrong).as("records whose raw text is not the page's").isEmpty();
        RawRecord last = page.records().get(records - 1);
        RawRecord again = parser.parseRecord(last.toXml(), "x", "oai_dc");
        assertThat(again.metadata()).isEqualTo(last.metadata());
        assertThat(again.metadataXml()).isEqualTo(last.metadataXml());
    }

    /** The sanitiser starts the parse past a byte order mark and a PHP warning: the cut must start there too. */
    @Test
    void aPageAfterAByteOrderMarkAndPhpWarningsKeepsEachRecordsOwnText() throws Exception {
        String junk = "\uFEFF<br />\n<b>Warning</b>: Undefined index &amp; more in oai.php on line 12<br />\n";
        OaiPage page = parser.parse((junk + page(30)).getBytes(StandardCharsets.UTF_8), "x", "http://x/oai", "oai_dc");
        assertThat(page.records()).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(page.records().get(i).metadataXml()).as("record %d", i).isEqualTo(expected(i));
        }
    }

    @Test
    void aRecordOutsideAnyNamespaceStaysOutsideTheRecordsNamespace() throws Exception {
        String page = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record><header>"
                + "<identifier>oai:x:1</identifier></header><metadata><dc xmlns=\"\"><title>T</title></dc>"
                + "</metadata></record></ListRecords></OAI-PMH>";
        RawRecord record = parser.parse(page.getBytes(StandardCharsets.UTF_8), "x", "u", "oai_dc").records().get(0);
        assertThat(record.metadataXml()).isEqualTo("<dc xmlns=\"\"><title>T</title></dc>");
        assertThat(record.metadata().namespace()).isEmpty();

        String bare = "<OAI-PMH><ListRecords><record><header><identifier>oai:x:2</identifier></header><metadata>"
                + "<dc><title>T</title></dc></metadata></record></ListRecords></OAI-PMH>";
        RawRecord noNamespaces = parser.parse(bare.getBytes(StandardCharsets.UTF_8), "x", "u", "oai_dc").records()
                .get(0);
        assertThat(noNamespaces.metadataXml()).isEqualTo("<dc xmlns=\"\"><title>T</title></dc>");
        RawRecord again = parser.parseRecord(noNamespaces.toXml(), "x", "oai_dc");
        assertThat(again.metadata().namespace()).isEmpty();
        assertThat(again.metadata().elements("title").get(0).namespace()).isEmpty();
    }

    @Test
    void aDefaultNamespaceDeclaredAroundTheRecordIsDeclaredOnIt() throws Exception {
        String page = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record><header>"
                + "<identifier>oai:x:1</identifier></header><metadata xmlns=\"" + DC + "\">"
                + "<dc><title>T</title></dc><dc><title>ignored</title></dc></metadata></record></ListRecords></OAI-PMH>";
        RawRecord record = parser.parse(page.getBytes(StandardCharsets.UTF_8), "x", "u", "oai_dc").records().get(0);
        assertThat(record.metadataXml()).isEqualTo("<dc xmlns=\"" + DC + "\"><title>T</title></dc>");
        RawRecord again = parser.parseRecord(record.toXml(), "x", "oai_dc");
        assertThat(again.metadata()).isEqualTo(record.metadata());
        assertThat(again.metadata().namespace()).isEqualTo(DC);
    }

    @Test
    void anEmptyRootIsItsOwnWholeText() throws Exception {
        String page = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" xmlns:o=\"" + OAI_DC + "\">"
                + "<ListRecords><record><header><identifier>oai:x:1</identifier></header><metadata>"
                + "<o:dc a=\"1\" /></metadata></record></ListRecords></OAI-PMH>";
        RawRecord record = parser.parse(page.getBytes(StandardCharsets.UTF_8), "x", "u", "oai_dc").records().get(0);
        assertThat(record.metadataXml()).isEqualTo("<o:dc xmlns:o=\"" + OAI_DC + "\" a=\"1\" />");
    }

    @Test
    void aPageWithBytesTheSanitiserRepairedKeepsTheRepairedText() throws Exception {
        byte[] head = ("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record><header>"
                + "<identifier>oai:x:1</identifier></header><metadata><dc xmlns=\"" + DC + "\"><title>A")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "B &nbsp;C</title></dc></metadata></record></ListRecords></OAI-PMH>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = 0x01; // a control character XML forbids
        body[head.length + 1] = (byte) 0xff; // a byte no UTF-8 text holds
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);
        OaiPage page = parser.parse(body, "x", "u", "oai_dc");
        RawRecord record = page.records().get(0);
        assertThat(page.repairs()).isPositive();
        RawRecord again = parser.parseRecord(record.toXml(), "x", "oai_dc");
        assertThat(again.metadata()).isEqualTo(record.metadata());
        assertThat(record.metadataXml()).startsWith("<dc xmlns=\"" + DC + "\"><title>A").endsWith("C</title></dc>");
    }

    /**
     * A stored record is read back as it is, its text having been repaired when its page was; one that will not read
     * that way (a dead letter edited by hand, text another tool wrote) goes through the sanitiser, as its page would.
     */
    @Test
    void aStoredRecordThatWillNotReadAsItIsGoesThroughTheSanitiser() throws Exception {
        String stored = "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><header><identifier>oai:x:1</identifier>"
                + "</header><metadata><dc xmlns=\"" + DC + "\"><title>A\u0001B&nbsp;C & D</title></dc></metadata>"
                + "</record>";
        RawRecord record = parser.parseRecord(stored, "x", "oai_dc");
        assertThat(record.header().identifier()).isEqualTo("oai:x:1");
        assertThat(record.metadata().element("title").orElseThrow().text()).isEqualTo("AB\u00a0C & D");
        RawRecord again = parser.parseRecord(record.toXml(), "x", "oai_dc");
        assertThat(again.metadata()).isEqualTo(record.metadata());
        assertThat(again.metadataXml()).isEqualTo(record.metadataXml());
    }
}
