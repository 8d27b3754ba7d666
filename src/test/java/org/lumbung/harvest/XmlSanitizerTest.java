package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlSanitizerTest {

    private static final String PAGE = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-01-01"
            + "</responseDate><ListRecords><record><header><identifier>oai:x:1</identifier><datestamp>2026-01-01"
            + "</datestamp></header><metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>TITLE</dc:title></oai_dc:dc></metadata></record>"
            + "</ListRecords></OAI-PMH>";

    private static String title(byte[] body) throws HarvestException {
        OaiPage page = new OaiPageParser().parse(body, "s", "u", "oai_dc");
        return page.records().get(0).metadata().element("title").orElseThrow().text();
    }

    private static byte[] page(String declaration, String title, Charset charset) {
        return (declaration + PAGE.replace("TITLE", title)).getBytes(charset);
    }

    @Test
    void dropsControlCharactersAndReferencesToForbiddenCodePoints() throws Exception {
        byte[] body = page("", "Sejarah\u0001 Islam&#x1F;&#0; di Jawa", StandardCharsets.UTF_8);
        assertThat(title(body)).isEqualTo("Sejarah Islam di Jawa");
        assertThat(XmlSanitizer.sanitize(body).illegalCharacters()).isEqualTo(1);
        assertThat(XmlSanitizer.sanitize(body).entities()).isEqualTo(2);
    }

    /**
     * A head before the XML (a PHP warning with an ampersand of its own) and the declaration are cut off by where the
     * text is read from, not by a copy of the page; nothing in the head is repaired or counted.
     */
    @Test
    void readsAPageFromAfterItsHeadAndDeclarationWithoutCountingTheHead() throws Exception {
        String head = "Warning: session_start() & headers sent in /var/www/oai.php on line 3\n";
        String declaration = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>";
        byte[] clean = page(head + declaration, "Hukum Laut", StandardCharsets.UTF_8);
        XmlSanitizer.Sanitized sanitized = XmlSanitizer.sanitize(clean);
        assertThat(sanitized.repairs()).isZero();
        assertThat(sanitized.xml()).startsWith("<OAI-PMH").isEqualTo(PAGE.replace("TITLE", "Hukum Laut"));
        assertThat(new java.io.BufferedReader(sanitized.reader()).readLine()).isEqualTo(sanitized.xml());
        assertThat(sanitized.head(8)).isEqualTo("<OAI-PMH");
        assertThat(title(clean)).isEqualTo("Hukum Laut");
        // With repairs after the head, the repaired text starts where the XML does.
        byte[] repaired = page(head + declaration, "Hukum\u0001 Laut &nbsp;&amp;", StandardCharsets.UTF_8);
        XmlSanitizer.Sanitized fixed = XmlSanitizer.sanitize(repaired);
        assertThat(fixed.illegalCharacters()).isEqualTo(1);
        assertThat(fixed.entities()).isEqualTo(1);
        assertThat(fixed.xml()).startsWith("<OAI-PMH");
        assertThat(title(repaired)).isEqualTo("Hukum Laut \u00A0&");
        byte[] entityOnly = page(head + declaration, "Hukum &nbsp;Laut", StandardCharsets.UTF_8);
        assertThat(XmlSanitizer.sanitize(entityOnly).xml()).startsWith("<OAI-PMH");
        assertThat(XmlSanitizer.sanitize(entityOnly).entities()).isEqualTo(1);
        assertThat(title(entityOnly)).isEqualTo("Hukum \u00A0Laut");
    }

    @Test
    void turnsHtmlEntitiesIntoCharactersAndBareAmpersandsIntoText() throws Exception {
        assertThat(title(page("", "Ekonomi&nbsp;Islam &amp; Bank R&D &eacute;tude &unknownthing;", StandardCharsets.UTF_8)))
                .isEqualTo("Ekonomi\u00A0Islam & Bank R&D étude &unknownthing;");
    }

    @Test
    void readsWindows1252DeclaredAsUtf8() throws Exception {
        byte[] body = page("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "Pédagogie – référence",
                Charset.forName("windows-1252"));
        assertThat(title(body)).isEqualTo("Pédagogie – référence");
        assertThat(XmlSanitizer.sanitize(body).encodingNote()).contains("Windows-1252");
    }

    @Test
    void readsUtf8DeclaredAsLatin1() throws Exception {
        assertThat(title(page("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "Erdoğan’s Türkiye",
                StandardCharsets.UTF_8))).isEqualTo("Erdoğan’s Türkiye");
    }

    @Test
    void replacesInvalidUtf8InAnOtherwiseUtf8Page() throws Exception {
        byte[] good = page("", "Café ÿ", StandardCharsets.UTF_8);
        byte[] body = new String(good, StandardCharsets.UTF_8).replace("ÿ", "X").getBytes(StandardCharsets.UTF_8);
        int x = new String(body, StandardCharsets.ISO_8859_1).indexOf('X');
        body[x] = (byte) 0xC3; // a lead byte with no continuation
        assertThat(title(body)).isEqualTo("Café \uFFFD");
        assertThat(XmlSanitizer.sanitize(body).invalidBytes()).isEqualTo(1);
    }

    @Test
    void skipsAByteOrderMarkAndWarningsBeforeTheDeclaration() throws Exception {
        byte[] page = page("<?xml version=\"1.0\"?>", "Judul", StandardCharsets.UTF_8);
        byte[] junk = "\uFEFF<br />\n<b>Warning</b>: Undefined index in oai.php on line 12<br />\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[junk.length + page.length];
        System.arraycopy(junk, 0, body, 0, junk.length);
        System.arraycopy(page, 0, body, junk.length, page.length);
        assertThat(title(body)).isEqualTo("Judul");
    }

    @Test
    void readsUtf16WithItsByteOrderMark() throws Exception {
        byte[] text = page("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "Kajian", StandardCharsets.UTF_16LE);
        byte[] body = new byte[text.length + 2];
        body[0] = (byte) 0xFF;
        body[1] = (byte) 0xFE;
        System.arraycopy(text, 0, body, 2, text.length);
        assertThat(title(body)).isEqualTo("Kajian");
    }

    @Test
    void keepsAReplacementCharacterThePageReallyHoldsWithoutCountingItInvalid() throws Exception {
        // Valid UTF-8 for U+FFFD: the fast decoding's result holds one, and the strict decoding must say it is real.
        byte[] body = page("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "Judul \uFFFD asli", StandardCharsets.UTF_8);
        assertThat(title(body)).isEqualTo("Judul \uFFFD asli");
        assertThat(XmlSanitizer.sanitize(body).invalidBytes()).isZero();
        assertThat(XmlSanitizer.sanitize(body).encodingNote()).isNull();
    }

    @Test
    void keepsSurrogatePairsAndDropsAControlCharacterAfterThem() throws Exception {
        byte[] body = page("", "Kimia \uD835\uDC00 dan \uD83D\uDE00 lalu\u0002 akhir", StandardCharsets.UTF_8);
        assertThat(title(body)).isEqualTo("Kimia \uD835\uDC00 dan \uD83D\uDE00 lalu akhir");
        assertThat(XmlSanitizer.sanitize(body).illegalCharacters()).isEqualTo(1);
        byte[] clean = page("", "Kimia \uD835\uDC00 dan \uD83D\uDE00", StandardCharsets.UTF_8);
        assertThat(title(clean)).isEqualTo("Kimia \uD835\uDC00 dan \uD83D\uDE00");
        assertThat(XmlSanitizer.sanitize(clean).repairs()).isZero();
    }

    @Test
    void leavesAPageWhoseReferencesAreAllSoundAsItCame() {
        String sound = PAGE.replace("TITLE", "A &amp; B &lt;i&gt; &#233;t&#xE9; &quot;q&quot; &apos;");
        XmlSanitizer.Sanitized clean = XmlSanitizer.sanitize(sound.getBytes(StandardCharsets.UTF_8));
        assertThat(clean.xml()).isEqualTo(sound);
        assertThat(clean.repairs()).isZero();
    }

    @Test
    void repairsOnlyTheReferencesThatNeedItAmongSoundOnes() throws Exception {
        byte[] body = page("<?xml version=\"1.0\"?>", "&amp;a &nbsp;b&lt; R&D &#1;c &#233; &copy;&amp;", StandardCharsets.UTF_8);
        assertThat(title(body)).isEqualTo("&a \u00A0b< R&D c \u00E9 \u00A9&");
        assertThat(XmlSanitizer.sanitize(body).entities()).isEqualTo(4);
        assertThat(XmlSanitizer.sanitize(body).xml()).startsWith("<OAI-PMH").contains("&amp;a \u00A0b&lt; R&amp;D c &#233; \u00A9&amp;");
    }
}
