package org.lumbung.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet's servers: one a loopback address on one port, each source its own records, in-flight counted by host. */
class FleetServerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersEachSourceOnItsOwnAddressAndCountsRequestsInFlightByHost(@TempDir Path dir) throws Exception {
        Corpus corpus = Corpus.prepare(dir.resolve("fleet"), 5, 2, 7, "fleet", null);
        try (FleetServer fleet = FleetServer.start(corpus.dir(), 2, 200)) {
            String second = "http://127.0.0.3:" + fleet.port();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(get("http://127.0.0.2:" + fleet.port() + "/h000-s000/oai?verb=ListRecords"
                        + "&metadataPrefix=oai_dc"));
            }
            HttpResponse<String> identify = get(second + "/h001-s000/oai?verb=Identify").join();
            HttpResponse<String> last = get(second + "/h001-s000/oai?verb=ListRecords&resumptionToken="
                    + Corpus.token(2)).join();
            answers.forEach(CompletableFuture::join);

            String first = answers.get(0).join().body();
            assertEquals(2, first.split("<record>").length - 1, "pages of two records");
            assertTrue(first.contains("oai:h000-s000.bench.lumbung.test:article/1<"), first);
            assertTrue(identify.body().contains("<Identify>"));
            assertTrue(last.body().contains("oai:h001-s000.bench.lumbung.test:article/5<"), last.body());
            assertEquals(List.of("host 127.0.0.2 3 3", "host 127.0.0.3 1 2", "source 127.0.0.2/h000-s000/oai 3",
                    "source 127.0.0.3/h001-s000/oai 2"), List.of(get(second + "/stats").join().body().split("\n")));
        }
    }

    private CompletableFuture<HttpResponse<String>> get(String url) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
