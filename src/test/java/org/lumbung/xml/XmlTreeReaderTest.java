package org.lumbung.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.StringReader;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class XmlTreeReaderTest {

    /** The second element of a document, read as the page parser reads a record's metadata. */
    static XmlElement readSecondLevel(String xml) throws Exception {
        XMLStreamReader reader = XmlTreeReader.open(new StringReader(xml));
        reader.nextTag();
        reader.nextTag();
        return XmlTreeReader.read(reader, null);
    }

    @Test
    void inheritsXmlLangAndKeepsItPerElement() throws Exception {
        XmlElement dc = readSecondLevel("<r><dc xml:lang='en'><title>A</title><title xml:lang='id'>B</title></dc></r>");
        assertThat(dc.elements("title")).extracting(XmlElement::lang).containsExactly("en", "id");
        assertThat(dc.elements("title")).extracting(XmlElement::text).containsExactly("A", "B");
    }

    @Test
    void standsAloneWhenItsNamespacesWereDeclaredOnTheEnvelope() throws Exception {
        XmlElement dc = readSecondLevel("<env xmlns:oai_dc='urn:oai-dc' xmlns:dc='urn:dc'>"
                + "<oai_dc:dc><dc:title>T &amp; U</dc:title></oai_dc:dc></env>");
        String xml = dc.toXml();
        assertThat(xml).isEqualTo("<oai_dc:dc xmlns:oai_dc=\"urn:oai-dc\" xmlns:dc=\"urn:dc\">"
                + "<dc:title>T &amp; U</dc:title></oai_dc:dc>");
        XmlElement again = XmlTreeReader.read(reread(xml), null);
        assertThat(again.elements("title").get(0).namespace()).isEqualTo("urn:dc");
    }

    private static XMLStreamReader reread(String xml) throws Exception {
        XMLStreamReader reader = XmlTreeReader.open(new StringReader(xml));
        reader.nextTag();
        return reader;
    }

    @Test
    void refusesDocumentTypeDeclarationsAndTheirEntities() throws Exception {
        String xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r><a>&x;</a></r>";
        XMLStreamReader reader = XmlTreeReader.open(new StringReader(xxe));
        assertThatThrownBy(() -> {
            reader.nextTag();
            reader.nextTag();
            XmlTreeReader.read(reader, null);
        }).isInstanceOf(XMLStreamException.class);
    }

    /** Found by fuzzing: a record of 100,000 nested elements overflowed the stack of the recursive reader. */
    @Test
    void refusesATreeNestedDeeperThanAnyRecordInsteadOfOverflowingTheStack() {
        String deep = "<r><m>" + "<a>".repeat(100_000) + "x" + "</a>".repeat(100_000) + "</m></r>";
        assertThatThrownBy(() -> readSecondLevel(deep))
                .isInstanceOf(XMLStreamException.class)
                .hasMessageContaining("elements nested deeper than 256 levels (at <a>)");
        String fine = "<r><m>" + "<a>".repeat(200) + "x" + "</a>".repeat(200) + "</m></r>";
        assertDoesNotThrow(() -> readSecondLevel(fine));
    }

    @Test
    void refusesARecordWithMoreTextOrElementsThanAnyRecordHas() {
        String text = "<r><m><a>" + "x".repeat(XmlTreeReader.MAX_CHARACTERS + 1) + "</a></m></r>";
        assertThatThrownBy(() -> readSecondLevel(text))
                .hasMessageContaining("more than 16777216 characters of text in one record");
        String wide = "<r><m>" + "<a/>".repeat(XmlTreeReader.MAX_ELEMENTS) + "</m></r>";
        assertThatThrownBy(() -> readSecondLevel(wide))
                .hasMessageContaining("more than 200000 elements in one record");
    }

    @Test
    void readsATextThatComesInPiecesAsOneStringAndCountsItAsItComes() throws Exception {
        String text = "x".repeat(100_000) + " &amp; <![CDATA[<i>]]> " + "y".repeat(100_000);
        XmlElement m = readSecondLevel("<r><m><t>" + text + "</t></m></r>");
        assertThat(m.elements("t").get(0).text()).isEqualTo("x".repeat(100_000) + " & <i> " + "y".repeat(100_000));
        XMLStreamReader field = reread("<identifier>" + "1".repeat(70_000) + "</identifier>");
        assertThatThrownBy(() -> XmlTreeReader.elementText(field, 65_536)).isInstanceOf(XMLStreamException.class)
                .hasMessageContaining("more than 65536 characters of text in <identifier>");
        assertThat(XmlTreeReader.elementText(reread("<identifier>oai:a&amp;b:<![CDATA[1]]></identifier>"), 64))
                .isEqualTo("oai:a&b:1");
    }
}
