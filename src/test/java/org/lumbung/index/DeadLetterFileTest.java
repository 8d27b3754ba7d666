package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.index.DeadLetterStore.DeadLetter;
import org.lumbung.pipeline.RecordFailure;

/** The Kamelet's dead letters: one line of JSON each, with the fields of the dead-letter index, appended. */
class DeadLetterFileTest {

    @Test
    void appendsEachRecordSetAsideAsOneLineWithTheDeadLetterIndexFields(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("state/dead-letters.jsonl");
        String raw = "<record>\n  <header><identifier>oai:fake:5</identifier></header>\n  <dc:title>Broken < title";
        new DeadLetterFile(file).add("fake", "oai:fake:5", "http://127.0.0.1/oai?verb=ListRecords",
                "unparseable record: unexpected character", raw);
        new DeadLetterFile(file).add(new RecordFailure("fake", "fake:oai:fake:6", RecordFailure.Stage.CROSSWALK, 0,
                "no title", "<record/>", false), "oai_dc");

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        DeadLetter harvested = json.readValue(lines.get(0), DeadLetter.class);
        assertThat(harvested).extracting(DeadLetter::sourceId, DeadLetter::recordId, DeadLetter::stage,
                DeadLetter::reason, DeadLetter::raw, DeadLetter::url).containsExactly("fake", "oai:fake:5", "harvest",
                "unparseable record: unexpected character", raw, "http://127.0.0.1/oai?verb=ListRecords");
        assertThat(harvested.at()).isNotBlank();
        DeadLetter crosswalked = json.readValue(lines.get(1), DeadLetter.class);
        assertThat(crosswalked).extracting(DeadLetter::recordId, DeadLetter::stage, DeadLetter::metadataPrefix,
                DeadLetter::raw).containsExactly("fake:oai:fake:6", "crosswalk", "oai_dc", "<record/>");
        Map<String, Object> fields = json.readValue(lines.get(0), new TypeReference<>() { });
        assertThat(fields).as("no id: the index gives it; nulls left out")
                .containsOnlyKeys("sourceId", "recordId", "url", "reason", "stage", "raw", "at");
    }
}
