package org.lumbung.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The raw archive of every record is what {@link XmlWriter} writes: reindex and {@code /oai} read it back, so what it
 * writes must stand alone and mean what the page meant, namespaces and all.
 */
class XmlWriterTest {

    private static XmlElement read(String xml) throws Exception {
        XMLStreamReader reader = XmlTreeReader.open(new StringReader(xml));
        reader.nextTag();
        return XmlTreeReader.read(reader, null);
    }

    @Test
    void keepsADefaultNamespaceWhenEveryElementIsInOne() throws Exception {
        XmlElement mods = read("<mods xmlns='urn:mods'><titleInfo><title>T</title></titleInfo></mods>");
        assertThat(mods.toXml()).isEqualTo("<mods xmlns=\"urn:mods\"><titleInfo><title>T</title></titleInfo></mods>");
    }

    /** A default namespace would capture the element in no namespace; the writer gives the namespace a prefix. */
    @Test
    void givesTheDefaultNamespaceAPrefixWhenAnElementBelowIsInNone() throws Exception {
        XmlElement mixed = read("<a xmlns='urn:a'><b xmlns=''>x</b><c>y</c></a>");
        String xml = mixed.toXml();
        assertThat(xml).isEqualTo("<ns1:a xmlns:ns1=\"urn:a\"><b>x</b><ns1:c>y</ns1:c></ns1:a>");
        XmlElement again = read(xml);
        assertThat(again.namespace()).isEqualTo("urn:a");
        assertThat(again.elements()).extracting(XmlElement::namespace).containsExactly("", "urn:a");
    }

    @Test
    void writesNamespacedAttributesXmlLangAndTheSamePrefixForTwoNamespacesApart() throws Exception {
        XmlElement dc = XmlTreeReaderTest.readSecondLevel("<env xmlns:x='urn:one'><x:dc xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'"
                + " xsi:schemaLocation='urn:one s.xsd'><x:title xml:lang='id' plain='p&amp;&quot;'>Judul</x:title>"
                + "<x:creator xmlns:x='urn:two' x:role='aut'>A &lt; B</x:creator></x:dc></env>");
        String xml = dc.toXml();
        assertThat(xml).isEqualTo("<x:dc xmlns:x=\"urn:one\" xmlns:ns1=\"urn:two\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:one s.xsd\">"
                + "<x:title xml:lang=\"id\" plain=\"p&amp;&quot;\">Judul</x:title>"
                + "<ns1:creator ns1:role=\"aut\">A &lt; B</ns1:creator></x:dc>");
        XmlElement again = read(xml);
        XmlElement creator = again.elements("creator").get(0);
        assertThat(creator.namespace()).isEqualTo("urn:two");
        assertThat(creator.attribute("urn:two", "role")).contains("aut");
        assertThat(creator.text()).isEqualTo("A < B");
        assertThat(again.elements("title").get(0).lang()).isEqualTo("id");
        assertThat(again.elements("title").get(0).attribute("plain")).contains("p&\"");
    }

    @Test
    void writesAnEmptyElementShortAndTextAsItCameBetweenElements() throws Exception {
        XmlElement p = read("<p xmlns='urn:p'>one <br/>two &amp; <i>three</i></p>");
        assertThat(p.toXml()).isEqualTo("<p xmlns=\"urn:p\">one <br/>two &amp; <i>three</i></p>");
    }
}
