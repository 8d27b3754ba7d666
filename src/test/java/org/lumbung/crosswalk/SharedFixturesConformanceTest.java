package org.lumbung.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.OaiHeader;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.RawRecord;
import org.lumbung.language.LanguageDetector;
import org.lumbung.xml.XmlElement;
import org.lumbung.xml.XmlTreeReader;

/**
 * Every record among the real repository responses in {@code ../shared/fixtures} (beside the project, as CI clones
 * it) goes through its crosswalk: none may throw, and a title must come out of at least 95% of the records whose
 * metadata has one. Responses that are not records (Identify, errors, malformed bytes) and formats Lumbung has no
 * crosswalk for (arXiv, CMDI, EDM...) are counted and reported, not failed. Skipped where the folder is absent.
 */
class SharedFixturesConformanceTest {

    private static final Path SHARED = Path.of("../shared/fixtures");
    /** Bare metadata files whose root has no namespace: the prefix their repository serves them under. */
    private static final Map<String, String> BARE_PREFIXES = Map.of("rioxx", "rioxx", "qualifieddc", "qdc",
            "dc", "oai_dc", "article", "jats", "mods", "mods");

    private final Crosswalks crosswalks = Crosswalks.standard(new LanguageDetector(List.of("id", "en", "ms"), 400));
    private final List<String> thrown = new ArrayList<>();
    private final Map<String, Integer> unread = new TreeMap<>();
    private final Map<String, Integer> withoutCrosswalk = new TreeMap<>();
    private int files;
    private int records;
    private int titled;
    private int titlesFound;

    @Test
    void crosswalksEveryRealRecordWithoutThrowingAndFindsTheirTitles() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("oai")),
                "no ../shared/fixtures/oai beside the project: the conformance run over real responses is skipped");
        try (Stream<Path> paths = Files.walk(SHARED.resolve("oai"))) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                files++;
                for (RawRecord raw : records(file)) {
                    crosswalk(file, raw);
                }
            }
        }
        double found = titled == 0 ? 1 : (double) titlesFound / titled;
        System.out.printf("conformance: %d files, %d records crosswalked, titles found in %d of %d that have one"
                        + " (%.1f%%); not records: %s; no crosswalk for: %s%n", files, records, titlesFound, titled,
                100 * found, unread, withoutCrosswalk);
        assertThat(thrown).isEmpty();
        assertThat(records).isPositive();
        assertThat(found).isGreaterThanOrEqualTo(0.95);
    }

    private void crosswalk(Path file, RawRecord raw) {
        XmlElement metadata = raw.metadata();
        if (metadata == null) {
            return;
        }
        if (crosswalks.crosswalkFor(raw.metadataPrefix(), metadata.namespace()).isEmpty()) {
            withoutCrosswalk.merge("{" + metadata.namespace() + "}" + metadata.localName(), 1, Integer::sum);
            return;
        }
        records++;
        boolean hasTitle = hasTitle(metadata);
        titled += hasTitle ? 1 : 0;
        try {
            DcRecord record = crosswalks.toDc("conformance", raw);
            titlesFound += hasTitle && !record.values(DcElement.TITLE).isEmpty() ? 1 : 0;
        } catch (RuntimeException e) {
            thrown.add(SHARED.relativize(file) + " " + raw.header().identifier() + ": " + e);
        }
    }

    /** The records of a response, or the one record a bare metadata file is; none for what cannot be read. */
    private List<RawRecord> records(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            XMLStreamReader reader = XmlTreeReader.open(new ByteArrayInputStream(bytes));
            while (reader.hasNext() && reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                reader.next();
            }
            if (!reader.hasNext()) {
                unread.merge("no element", 1, Integer::sum);
                return List.of();
            }
            if (reader.getLocalName().equals("OAI-PMH")) {
                return new OaiPageParser().parse(new ByteArrayInputStream(bytes), "conformance", file.toString(), null)
                        .records();
            }
            XmlElement root = XmlTreeReader.read(reader, null);
            // A record cut out of a response without its envelope (DPLA's CONTENTdm exports), its metadata inside
            // <metadata> or, in one export, straight after the header.
            if (root.localName().equals("record")) {
                XmlElement container = root.element("metadata").orElse(root);
                root = container.elements().stream().filter(e -> !e.localName().equals("header")
                        && !e.localName().equals("about")).findFirst().orElse(root);
            }
            String prefix = root.namespace().isEmpty() ? BARE_PREFIXES.get(root.localName()) : null;
            return List.of(new RawRecord(new OaiHeader(file.getFileName().toString(), null, List.of(), false), root,
                    prefix));
        } catch (HarvestException e) {
            unread.merge("OAI-PMH error or not a list", 1, Integer::sum);
        } catch (XMLStreamException | RuntimeException e) {
            unread.merge("malformed XML", 1, Integer::sum);
        }
        return List.of();
    }

    /**
     * Whether the metadata states a title, in any of the formats: an element named title (Dublin Core, DataCite,
     * JATS's article-title, MODS's titleInfo), a MARC 245, a DSpace title field.
     */
    static boolean hasTitle(XmlElement element) {
        String name = element.localName();
        boolean titleElement = name.equals("title") || name.equals("article-title") || name.equals("titleInfo");
        boolean marcTitle = name.equals("datafield") && element.attribute("tag").orElse("").equals("245");
        boolean dspaceTitle = name.equals("element") && element.attribute("name").orElse("").equals("title")
                || name.equals("field") && element.attribute("element").orElse("").equals("title");
        if ((titleElement || marcTitle || dspaceTitle) && !element.text().isBlank()) {
            return true;
        }
        return element.elements().stream().anyMatch(SharedFixturesConformanceTest::hasTitle);
    }
}
