package org.lumbung.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.derived.CoarTerm;
import org.lumbung.derived.Derived;
import org.lumbung.derived.Person;
import org.lumbung.derived.QualityFlag;
import org.lumbung.index.DocumentMapper;
import org.lumbung.ingest.PageIngester;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.Delivery;
import org.lumbung.pipeline.Outcome;
import org.lumbung.testing.Golden;
import org.lumbung.testing.SeedPage;

/** The seed page, an OJS article page saved as text, read exactly as the ingest command reads it. */
class SeedPageTest {

    static DcRecord ingestSeed() {
        List<DcRecord> records = new ArrayList<>();
        PageIngester ingester = new PageIngester(null, new LanguageDetector(List.of("id", "en", "ms"), 400),
                batch -> {
                    records.addAll(batch.records());
                    return Delivery.done(new Outcome(batch.records().size(), 0, List.of()));
                }, batch -> {
                    throw new AssertionError("the seed is a page, not an OAI-PMH response");
                });
        IngestReport report = ingester.ingest(new IngestRequest("undip-jihi-pages",
                List.of(new PageInput(SeedPage.FILE.toString(), SeedPage.URL))));
        assertThat(report.failures()).isEmpty();
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void givesTheExpectedRecord() {
        DcRecord seed = ingestSeed();
        assertThat(seed.id()).isEqualTo(SeedPage.URL);
        // The page breaks "Nagorno-Karabakh" at a line end; the cleaned title has it whole again.
        assertThat(seed.values(DcElement.TITLE)).containsExactly("Kebijakan Luar Negeri Turki: Kesepakatan Turki"
                + " kepada Rusia dalam Mendirikan Pusat Gabungan Turki-Rusia Pasca Konflik Nagorno-Karabakh");
        assertThat(seed.creators()).containsExactly(
                new Creator("Falentinoris Yubilio Wiku", "Department of International Relations, Indonesia", null, true),
                new Creator("Ika Riswanti Putranti", "Department of International Relations, Indonesia", null, false),
                new Creator("Marten Hanura", "Department of International Relations, Indonesia", null, false));
        assertThat(seed.values(DcElement.CREATOR)).containsExactly("Falentinoris Yubilio Wiku", "Ika Riswanti Putranti",
                "Marten Hanura");
        assertThat(seed.values(DcElement.DESCRIPTION)).hasSize(1);
        assertThat(seed.values(DcElement.DESCRIPTION).get(0))
                .startsWith("The Nagorno-Karabakh conflict, which has become a legacy of the Soviet Union")
                .endsWith("as intermediary for the peace process for Azerbaijan after the Nagorno-Karabakh conflict.")
                .doesNotContain("Fulltext", "Keywords");
        assertThat(seed.values(DcElement.SUBJECT)).containsExactly("Nagorno-Karabakh Conflict", "Foreign Policy",
                "Turkey", "President Recep Tayyip Erdoğan");
        assertThat(seed.languages(DcElement.TITLE)).containsExactly("id");
        assertThat(seed.languages(DcElement.DESCRIPTION)).containsExactly("en");
        assertThat(seed.values(DcElement.TYPE)).containsExactly("Text", "article");
        assertThat(seed.values(DcElement.IDENTIFIER)).containsExactly(SeedPage.URL);
        assertThat(seed.sourceId()).isEqualTo("undip-jihi-pages");
    }

    @Test
    void derivesTheLanguageTypeAndCreatorsBesideWhatThePageSays() {
        Derived derived = ingestSeed().derived();
        assertThat(derived.languages()).containsExactly("ind");
        assertThat(derived.languages1()).containsExactly("id");
        assertThat(derived.languageFrom()).isEqualTo("detected");
        assertThat(derived.type()).isEqualTo(new CoarTerm("http://purl.org/coar/resource_type/c_6501", "journal article"));
        assertThat(derived.creators()).extracting(Person::name).containsExactly("Wiku, Falentinoris Yubilio",
                "Putranti, Ika Riswanti", "Hanura, Marten");
        // The page is the landing page (.../view/34353/0), not a galley; it gives no date, DOI or licence.
        assertThat(derived.fullText()).isEmpty();
        assertThat(derived.published()).isNull();
        assertThat(derived.quality()).contains(QualityFlag.NO_DATE, QualityFlag.NO_DOI, QualityFlag.NO_OPEN_FULL_TEXT)
                .doesNotContain(QualityFlag.NO_TITLE, QualityFlag.NO_LANGUAGE, QualityFlag.NO_ABSTRACT);
    }

    @Test
    void matchesTheGoldenDocument() {
        Golden.assertMatches("seed.expected.json", DocumentMapper.toDocument(ingestSeed(), Instant.EPOCH));
    }
}
