package org.lumbung.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class XmlTreeReaderTest {

    private static XmlElement readSecondLevel(String xml) throws Exception {
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
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            reader.nextTag();
            reader.nextTag();
            XmlTreeReader.read(reader, null);
        }).isInstanceOf(javax.xml.stream.XMLStreamException.class);
    }
}
