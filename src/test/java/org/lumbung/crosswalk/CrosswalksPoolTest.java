package org.lumbung.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumbung.dc.DcBatch;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.harvest.OaiPageParser;
import org.lumbung.harvest.RecordBatch;
import org.lumbung.language.LanguageDetector;
import org.lumbung.pipeline.RecordFailure;
import org.lumbung.pipeline.WorkPool;

/**
 * A page read on the pipeline's threads gives what the same page read on one thread gives: every record in the page's
 * order (the resolver merges two records of one key in that order), and a record that cannot be read set aside with
 * its source, identifier and reason while the rest go on.
 */
class CrosswalksPoolTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector(List.of("id", "en"), 400);
    private static final int RECORDS = 120;
    private static final int BROKEN = 57;

    /** A ListRecords page of oai_dc records; record {@link #BROKEN} has no metadata and is not deleted. */
    private static RecordBatch page() throws Exception {
        StringBuilder xml = new StringBuilder("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>");
        for (int i = 1; i <= RECORDS; i++) {
            xml.append("<record><header><identifier>oai:j:").append(i).append("</identifier><datestamp>2026-01-")
                    .append(String.format("%02d", 1 + i % 28)).append("</datestamp></header>");
            if (i != BROKEN) {
                xml.append("<metadata><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\"")
                        .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>")
                        .append(i % 2 == 0 ? "Kajian ekonomi desa nomor " : "A study of village economies, number ")
                        .append(i).append("</dc:title><dc:creator>Penulis ").append(i)
                        .append("</dc:creator></oai_dc:dc></metadata>");
            }
            xml.append("</record>");
        }
        xml.append("</ListRecords></OAI-PMH>");
        return new RecordBatch("j", "http://127.0.0.1/oai", new OaiPageParser().parse(
                xml.toString().getBytes(StandardCharsets.UTF_8), "j", "http://127.0.0.1/oai", "oai_dc").records());
    }

    @Test
    void readsAPageOnSeveralThreadsInThePagesOrderAndSetsTheBrokenRecordAside() throws Exception {
        RecordBatch page = page();
        DcBatch pooled = Crosswalks.standard(DETECTOR, WorkPool.of(3)).toDc(page);

        assertThat(pooled.records()).extracting(DcRecord::id).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, RECORDS).filter(i -> i != BROKEN)
                        .mapToObj(i -> "j:oai:j:" + i).toList());
        assertThat(pooled.records().get(0).values(DcElement.TITLE))
                .containsExactly("A study of village economies, number 1");
        assertThat(pooled.records().get(RECORDS - 2).values(DcElement.CREATOR)).containsExactly("Penulis " + RECORDS);
        assertThat(pooled.failures()).singleElement().satisfies(f -> {
            assertThat(f.sourceId()).isEqualTo("j");
            assertThat(f.recordId()).isEqualTo("oai:j:" + BROKEN);
            assertThat(f.stage()).isEqualTo(RecordFailure.Stage.CROSSWALK);
            assertThat(f.reason()).contains("no metadata and is not marked deleted");
        });
        DcBatch alone = Crosswalks.standard(DETECTOR).toDc(page);
        assertThat(pooled.records()).isEqualTo(alone.records());
        assertThat(pooled.failures()).isEqualTo(alone.failures());
    }
}
