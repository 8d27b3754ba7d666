package org.lumbung.search.cite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSL-JSON: the item fields citeproc reads, read back by Jackson. */
class CslJsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesAnArticleJournalItemWithNamesSplitAndDateParts() throws Exception {
        JsonNode item = JSON.readTree(CslJsonWriter.write(List.of(Examples.full()))).get(0);
        assertThat(item.get("id").asText()).isEqualTo("undip-jihi:34353");
        assertThat(item.get("type").asText()).isEqualTo("article-journal");
        assertThat(item.get("author").toString()).isEqualTo("[{\"family\":\"Wiku\",\"given\":\"Falentinoris Yubilio\"},"
                + "{\"family\":\"Putranti\",\"given\":\"Ika Riswanti\"},{\"literal\":\"Soekarno\"}]");
        assertThat(item.get("issued").toString()).isEqualTo("{\"date-parts\":[[2021,3,15]]}");
        assertThat(item.get("container-title").asText()).isEqualTo("Journal of International Relations");
        assertThat(item.get("page").asText()).isEqualTo("101-120");
        assertThat(item.get("DOI").asText()).isEqualTo("10.14710/jihi.2021.34353");
        assertThat(item.get("language").asText()).isEqualTo("id");
        assertThat(item.get("keyword").asText()).isEqualTo("Foreign Policy, Turki");
    }

    @Test
    void keepsHostileTextAsTextAndLeavesOutWhatIsUnknown() throws Exception {
        JsonNode items = JSON.readTree(CslJsonWriter.write(List.of(Examples.hostile(), Examples.bare())));
        assertThat(items.get(0).get("title").asText()).isEqualTo(Reference.line(Examples.HOSTILE_TITLE));
        assertThat(items.get(0).get("issued").toString()).isEqualTo("{\"date-parts\":[[2020]]}");
        assertThat(items.get(0).get("author").get(0).get("family").asText()).isEqualTo("Doe} and {Evil");
        assertThat(items.get(1).fieldNames()).toIterable().containsExactly("id", "type", "title", "URL");
        assertThat(items.get(1).get("type").asText()).isEqualTo("article");
    }
}
