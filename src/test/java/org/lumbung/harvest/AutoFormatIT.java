package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.OaiTestServer;
import org.lumbung.testing.TestElasticsearch;

/** A source of metadataPrefix {@code auto} is harvested in the richest format its repository lists, and stays in it. */
@SuppressWarnings({"rawtypes", "unchecked"})
class AutoFormatIT {

    @Test
    void harvestsADspaceInOpenAireAndKeepsTheChoice() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(AutoFormatIT.class);
        try (OaiTestServer repository = new OaiTestServer()
                .verb("ListMetadataFormats", "oai/dspace7-listmetadataformats.xml")
                .firstPage("oai/dspace7-listrecords-openaire.xml")) {
            for (int run = 0; run < 2; run++) {
                Cli.Result result = Harvests.harvest(repository.baseUrl(), "repo", prefix, "--prefix", "auto");
                assertThat(result.status()).as(result.out()).isZero();
                assertThat(result.out()).contains("1 records indexed");
            }
            List<String> lists = repository.queries().stream().filter(q -> q.contains("verb=ListRecords")).toList();
            assertThat(lists).isNotEmpty().allSatisfy(q -> assertThat(q).contains("metadataPrefix=oai_openaire"));
            // asked once: the second harvest keeps the first one's choice
            assertThat(repository.queries().stream().filter(q -> q.contains("verb=ListMetadataFormats"))).hasSize(1);

            Map doc = TestElasticsearch.documents(prefix + "-records")
                    .get("repo:oai:repository.example.ac.id:123456789/4242");
            assertThat(((Map) doc.get("oai")).get("metadataPrefix")).isEqualTo("oai_openaire");
            assertThat((List<String>) ((Map) doc.get("dc")).get("title"))
                    .contains("Ketahanan Pangan Rumah Tangga Petani Padi di Lombok Tengah");
            // an ad-hoc harvest is no source (sources list leaves it out), but its state keeps the choice
            assertThat(Harvests.sources(prefix).get("repo").get("format")).isEqualTo("oai_openaire");
        }
    }
}
