package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumbung.testing.FuzzSeeds;

/**
 * Fuzz targets for the OAI-PMH page parser and the salvage of a malformed page. The contract: a page is read, or it
 * is refused with a {@link HarvestException} naming the source and the URL; no other exception, no stack overflow, no
 * exhausted heap, no hang. Without {@code JAZZER_FUZZ} these run the seeds and the inputs found so far under
 * {@code OaiPageParserFuzzTestInputs/<method>/} as regression tests; with it, Jazzer fuzzes one target (see
 * docs/reliability.md, "Fuzzing and hostile input").
 */
class OaiPageParserFuzzTest {

    private static final String URL = "http://127.0.0.1/oai?verb=ListRecords&metadataPrefix=oai_dc";

    private final OaiPageParser parser = new OaiPageParser();

    /** Seeds: the project's OAI-PMH responses (lists, Identify, errors, an HTML page). */
    static Stream<Arguments> responses() {
        return FuzzSeeds.fixtures("oai", "");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("responses")
    @FuzzTest
    void parse(byte[] page) {
        try {
            OaiPage parsed = parser.parse(page, "fuzz", URL, "oai_dc");
            parsed.records().forEach(r -> assertThat(r.header().identifier()).isNotBlank());
        } catch (HarvestException e) {
            assertNamesSourceAndUrl(e);
        }
    }

    /** What the harvester does with a page that stays malformed: each record cut out and parsed alone. */
    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("responses")
    @FuzzTest
    void salvage(byte[] page) {
        String xml = XmlSanitizer.sanitize(page).xml();
        PageSalvage.Salvaged salvaged = PageSalvage.salvage(xml, parser, "fuzz", URL, "oai_dc");
        if (salvaged != null) {
            salvaged.records().forEach(r -> assertThat(r.header().identifier()).isNotBlank());
            salvaged.broken().forEach(b -> assertThat(b.reason()).isNotBlank());
        }
    }

    static void assertNamesSourceAndUrl(HarvestException e) {
        assertThat(e.getMessage()).startsWith("source fuzz: ").endsWith("(" + e.url() + ")");
        assertThat(e.reason()).isNotBlank();
    }
}
