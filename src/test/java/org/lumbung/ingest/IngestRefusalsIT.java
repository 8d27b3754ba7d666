package org.lumbung.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumbung.index.DeadLetterStore;
import org.lumbung.index.DeadLetterStore.DeadLetter;
import org.lumbung.index.IndexLayout;
import org.lumbung.landing.BinaryDetector;
import org.lumbung.testing.Cli;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * What {@code ingest} cannot read or index is refused with one line naming the file and why, nothing of it is indexed,
 * and it is left in the dead letters with its source, stage and reason.
 */
class IngestRefusalsIT {

    private static Path work;

    @BeforeAll
    static void folder() {
        work = TestData.newDataDir("ingest-refusals");
    }

    @AfterAll
    static void clean() throws Exception {
        TestData.delete(work);
    }

    @Test
    void refusesRandomBytesWhateverTheFileIsCalled() throws Exception {
        byte[] noise = new byte[200 * 1024];
        new Random(13).nextBytes(noise);
        Path file = Files.write(work.resolve("article.html"), noise);
        String reason = BinaryDetector.refusal(noise, null);
        assertThat(reason).startsWith("not text: ");
        assertRefused(file, file.toString(), "read", reason);
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        Path file = Files.write(work.resolve("empty.txt"), new byte[0]);
        assertRefused(file, file.toString(), "read", "empty: nothing to read");
    }

    @Test
    void refusesADocumentTooLargeForOneBulkRequest() throws Exception {
        Path file = work.resolve("huge.txt");
        byte[] line = "Kebijakan luar negeri Turki terhadap konflik Nagorno-Karabakh ".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(file)) {
            for (int written = 0; written < 20 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        // Read as one record, the 20 MB line makes a 60 MB document (the text is kept in several fields: its Dublin
        // Core value, the raw archive and its search field; template version 4 dropped a fourth copy in the catch-all).
        assertRefused(file, file.toUri().toString(), "index", "not indexed: the document is 60.0 MB, more than one"
                + " bulk request may carry (lumbung.index.bulk-bytes, 10.0 MB)");
    }

    /** Ingests the file alone: exit 1, one line naming it and why, nothing indexed, one dead letter. */
    private static void assertRefused(Path file, String id, String stage, String reason) throws Exception {
        String prefix = TestElasticsearch.freshPrefix(IngestRefusalsIT.class) + "-" + stage;
        Cli.Result ingest = Cli.onTestEs(prefix, "ingest", file.toString(), "--source", "drop");

        assertThat(ingest.status()).as(ingest.out()).isEqualTo(1);
        assertThat(ingest.out()).contains("1 documents read, 0 records indexed, 0 deleted, 1 failed")
                .contains("\n  failed: " + id + ": " + reason + "\n");
        assertThat(TestElasticsearch.documents(prefix + "-records")).isEmpty();
        assertThat(deadLetters(prefix)).singleElement().satisfies(letter -> {
            assertThat(letter.sourceId()).isEqualTo("drop");
            assertThat(letter.recordId()).isEqualTo(id);
            assertThat(letter.stage()).isEqualTo(stage);
            assertThat(letter.reason()).isEqualTo(reason);
        });
    }

    private static List<DeadLetter> deadLetters(String prefix) throws Exception {
        return new DeadLetterStore(TestElasticsearch.client(), new IndexLayout(prefix, 0)).list(null, 100);
    }
}
