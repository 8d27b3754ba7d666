package org.lumbung.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.HarvestException;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.RawRecord;
import org.lumbung.language.LanguageDetector;
import org.lumbung.testing.FuzzSeeds;

/**
 * Fuzz targets for each crosswalk: the input is a record's metadata, put in an OAI-PMH {@code <record>} and read as a
 * harvested record is (the page parser, then {@link Crosswalks#standard}) under each metadataPrefix the crosswalks know.
 * The contract: a record becomes a Dublin Core record with its id, or it is refused, by the parser with a
 * {@link HarvestException}, or by {@link Crosswalks#toDc(String, RawRecord)} with the IllegalArgumentException it
 * documents (no metadata, no crosswalk for the format); no other exception, within bounded time and memory. Seeds:
 * the golden files of each format; inputs found: {@code CrosswalksFuzzTestInputs/<method>/}.
 */
class CrosswalksFuzzTest {

    private static final Crosswalks CROSSWALKS = Crosswalks.standard(new LanguageDetector(List.of("id", "en", "ms"), 400));
    private static final List<String> DOCUMENTED = List.of("the record has no metadata", "no crosswalk for metadataPrefix");

    private final OaiPageParser parser = new OaiPageParser();

    static Stream<Arguments> oaiDcSeeds() {
        return seeds("oai_dc");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("oaiDcSeeds")
    @FuzzTest
    void oaiDc(byte[] metadata) {
        crosswalk("oai_dc", metadata);
    }

    static Stream<Arguments> xoaiSeeds() {
        return seeds("xoai");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("xoaiSeeds")
    @FuzzTest
    void xoai(byte[] metadata) {
        crosswalk("xoai", metadata);
    }

    static Stream<Arguments> dimSeeds() {
        return seeds("dim");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("dimSeeds")
    @FuzzTest
    void dim(byte[] metadata) {
        crosswalk("dim", metadata);
    }

    static Stream<Arguments> oaiOpenaireSeeds() {
        return seeds("oai_openaire");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("oaiOpenaireSeeds")
    @FuzzTest
    void oaiOpenaire(byte[] metadata) {
        crosswalk("oai_openaire", metadata);
    }

    static Stream<Arguments> oaiDataciteSeeds() {
        return seeds("oai_datacite");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("oaiDataciteSeeds")
    @FuzzTest
    void oaiDatacite(byte[] metadata) {
        crosswalk("oai_datacite", metadata);
    }

    static Stream<Arguments> rioxxSeeds() {
        return seeds("rioxx");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("rioxxSeeds")
    @FuzzTest
    void rioxx(byte[] metadata) {
        crosswalk("rioxx", metadata);
    }

    static Stream<Arguments> modsSeeds() {
        return seeds("mods");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("modsSeeds")
    @FuzzTest
    void mods(byte[] metadata) {
        crosswalk("mods", metadata);
    }

    static Stream<Arguments> marc21Seeds() {
        return seeds("marc21");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("marc21Seeds")
    @FuzzTest
    void marc21(byte[] metadata) {
        crosswalk("marc21", metadata);
    }

    static Stream<Arguments> jatsSeeds() {
        return seeds("jats");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("jatsSeeds")
    @FuzzTest
    void jats(byte[] metadata) {
        crosswalk("jats", metadata);
    }

    static Stream<Arguments> qdcSeeds() {
        return seeds("qdc");
    }

    @Timeout(FuzzSeeds.TIMEOUT_SECONDS)
    @MethodSource("qdcSeeds")
    @FuzzTest
    void qdc(byte[] metadata) {
        crosswalk("qdc", metadata);
    }

    /** The crosswalk's golden files (their metadata, without the XML declaration) as seeds. */
    private static Stream<Arguments> seeds(String folder) {
        return FuzzSeeds.fixtures("crosswalk/" + folder, ".xml", xml -> xml.replaceFirst("^<\\?xml[^>]*\\?>", ""));
    }

    private void crosswalk(String metadataPrefix, byte[] metadata) {
        String record = "<record><header><identifier>oai:fuzz:1</identifier><datestamp>2024-05-06</datestamp></header>"
                + "<metadata>" + new String(metadata, StandardCharsets.UTF_8) + "</metadata></record>";
        RawRecord raw;
        try {
            raw = parser.parseRecord(record, "fuzz", metadataPrefix);
        } catch (HarvestException e) {
            assertThat(e.getMessage()).startsWith("source fuzz: ");
            return;
        }
        try {
            DcRecord dc = CROSSWALKS.toDc("fuzz", raw);
            assertThat(dc.id()).isEqualTo("fuzz:" + raw.header().identifier());
        } catch (IllegalArgumentException e) {
            assertThat(DOCUMENTED).as("a documented rejection, not: %s", e).anyMatch(String.valueOf(e.getMessage())::startsWith);
        }
    }
}
