package org.lumbung.search.oai;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lumbung.index.IndexLayout;
import org.lumbung.index.IndexSetup;
import org.lumbung.source.SourceStore;
import org.lumbung.testing.TestElasticsearch;

/**
 * Resumption tokens page past Elasticsearch's 10,000-hit window: 10,050 records, a thousand a page, every identifier
 * exactly once, the list's size and cursor right on every page; and a token whose point in time expired is refused.
 */
class OaiDeepPagingIT {

    private static final int RECORDS = 10_050;
    private static final Pattern IDENTIFIER = Pattern.compile("<identifier>([^<]+)</identifier>");
    /** A token with its attributes and value; the list's last is empty, written {@code <resumptionToken .../>}. */
    private static final Pattern TOKEN = Pattern.compile("<resumptionToken([^>]*?)(?:/>()|>([^<]*)</resumptionToken>)");

    @Test
    void listsTenThousandAndFiftyRecordsAThousandAPageEachOnce() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(OaiDeepPagingIT.class);
        IndexLayout layout = new IndexLayout(prefix, 0);
        new IndexSetup(TestElasticsearch.client(), layout).ensure();
        Instant now = Instant.now();
        for (int start = 0; start < RECORDS; start += 5_000) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = start; i < Math.min(RECORDS, start + 5_000); i++) {
                // Many records share a millisecond, as after a bulk harvest: the tiebreaker keeps them apart.
                Map<String, Object> doc = Map.of("dc", Map.of("title", List.of("Record " + i)), "source",
                        Map.of("id", "bulk"), "indexedAt", now.plusMillis(i / 100).toString(), "deleted", false);
                String id = "bulk:" + i;
                bulk.operations(op -> op.index(x -> x.index(layout.recordsAlias()).id(id).document(doc)));
            }
            assertThat(TestElasticsearch.client().bulk(bulk.build()).errors()).isFalse();
        }
        TestElasticsearch.client().indices().refresh(r -> r.index(layout.recordsAlias()));
        OaiProvider provider = new OaiProvider(TestElasticsearch.client(), layout,
                new SourceStore(TestElasticsearch.client(), layout.sourcesIndex(), "test", Duration.ofMinutes(1)),
                new OaiIdentifiers("lumbung"), new OaiProvider.Options("Lumbung", "http://127.0.0.1/oai",
                "admin@localhost", "lumbung", 1_000, Duration.ofMinutes(2)));

        Set<String> seen = new HashSet<>();
        int pages = 0;
        String page = new String(provider.handle("verb=ListIdentifiers&metadataPrefix=oai_dc", null), StandardCharsets.UTF_8);
        String expiredCandidate = null;
        while (true) {
            pages++;
            Matcher ids = IDENTIFIER.matcher(page);
            int onPage = 0;
            while (ids.find()) {
                assertThat(seen.add(ids.group(1))).as("identifier %s listed twice", ids.group(1)).isTrue();
                onPage++;
            }
            Matcher token = TOKEN.matcher(page);
            assertThat(token.find()).as("page %d has a resumptionToken element: %s", pages, page.substring(0, 300)).isTrue();
            assertThat(token.group(1)).contains("completeListSize=\"" + RECORDS + "\"",
                    "cursor=\"" + (pages - 1) * 1_000 + "\"");
            assertThat(onPage).isEqualTo(pages <= 10 ? 1_000 : 50);
            String value = token.group(2) != null ? "" : token.group(3);
            if (value.isEmpty()) {
                break;
            }
            expiredCandidate = value;
            page = new String(provider.handle("verb=ListIdentifiers&resumptionToken="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8), null), StandardCharsets.UTF_8);
        }
        assertThat(pages).isEqualTo(11);
        assertThat(seen).hasSize(RECORDS).contains("oai:lumbung:bulk:0", "oai:lumbung:bulk:10049");

        // The last page closed the list's point in time: its token, used again, is refused by name.
        String again = new String(provider.handle("verb=ListIdentifiers&resumptionToken="
                + URLEncoder.encode(expiredCandidate, StandardCharsets.UTF_8), null), StandardCharsets.UTF_8);
        assertThat(again).contains("code=\"badResumptionToken\"", "has expired");
    }
}
