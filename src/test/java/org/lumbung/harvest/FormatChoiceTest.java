package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.crosswalk.Crosswalks;
import org.lumbung.language.LanguageDetector;

class FormatChoiceTest {

    private static MetadataFormat format(String prefix, String namespace) {
        return new MetadataFormat(prefix, null, namespace);
    }

    private static String choose(MetadataFormat... formats) {
        return FormatChoice.richest(List.of(formats)).map(MetadataFormat::metadataPrefix).orElse(null);
    }

    @Test
    void takesOpenAireOverEverythingADspaceListsWhateverTheOrder() {
        assertThat(choose(format("oai_dc", null), format("dim", null), format("xoai", null), format("qdc", null),
                format("oai_openaire", null), format("mods", null))).isEqualTo("oai_openaire");
        assertThat(choose(format("oai_dc", null), format("qdc", null), format("dim", null), format("xoai", null)))
                .isEqualTo("xoai");
    }

    @Test
    void takesDataCiteAtZenodoAndALibraryCataloguesMarcOverItsDublinCore() {
        assertThat(choose(format("oai_dc", null), format("marc21", null), format("datacite", null),
                format("oai_datacite", null))).isEqualTo("datacite");
        assertThat(choose(format("oai_dc", null), format("marcxml", null))).isEqualTo("marcxml");
    }

    @Test
    void recognisesAFormatUnderAnUnusualPrefixByItsNamespace() {
        assertThat(choose(format("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/"),
                format("MARC21-xml", "http://www.loc.gov/MARC21/slim"))).isEqualTo("MARC21-xml");
        assertThat(choose(format("oai_dc", null), format("uketd_dc", null))).isEqualTo("uketd_dc");
    }

    @Test
    void findsNothingWhereNoListedFormatHasACrosswalk() {
        assertThat(choose(format("cmdi", "http://www.clarin.eu/cmd/"), format("didl", "urn:mpeg:mpeg21:2002:02-DIDL-NS")))
                .isNull();
        assertThat(choose()).isNull();
    }

    /**
     * The real ListMetadataFormats answers in ../shared/fixtures (CLARIN, DSpace 1, EPrints, LibreCat): each gives a
     * choice, the richest listed.
     */
    @Test
    void choosesAmongWhatRealRepositoriesList() throws Exception {
        java.nio.file.Path shared = java.nio.file.Path.of("../shared/fixtures/oai");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(shared),
                "no ../shared/fixtures/oai beside the project: the real ListMetadataFormats answers are skipped");
        java.util.Map<String, String> chosen = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.walk(shared)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith("_ListMetadataFormats.xml")).toList()) {
                List<MetadataFormat> formats = new OaiPageParser().parse(java.nio.file.Files.readAllBytes(file), "x",
                        file.toString(), null).formats();
                chosen.put(file.getFileName().toString(), choose(formats.toArray(MetadataFormat[]::new)));
            }
        }
        assertThat(chosen).containsEntry("clarin-vienna_ListMetadataFormats.xml", "oai_dc")
                .containsEntry("dspace1-oaicat_erasmus_ListMetadataFormats.xml", "oai_dc")
                .containsEntry("eprints-caltechbook_ListMetadataFormats.xml", "uketd_dc")
                .containsEntry("librecat-pub-bielefeld_ListMetadataFormats.xml", "oai_datacite");
    }

    /** Every format the order can choose is one the crosswalks read. */
    @Test
    void everyRungHasACrosswalk() {
        Crosswalks crosswalks = Crosswalks.standard(new LanguageDetector(List.of("en"), 100));
        for (FormatChoice.Rung rung : FormatChoice.ORDER) {
            for (String prefix : rung.prefixes()) {
                String asked = prefix.replace("*", "uketd");
                assertThat(crosswalks.crosswalkFor(asked, null)).as(rung.name() + " " + asked).isPresent();
            }
        }
    }
}
