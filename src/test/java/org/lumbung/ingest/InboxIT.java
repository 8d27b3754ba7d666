package org.lumbung.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.lumbung.config.Lumbung;
import org.lumbung.config.Settings;
import org.lumbung.index.DeadLetterStore.DeadLetter;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;
import org.lumbung.testing.WebSite;

/** The watched inbox of a running Lumbung: dropped files are ingested and moved to done/, or to failed/ with why. */
class InboxIT {

    @Test
    @SuppressWarnings("rawtypes")
    void ingestsDroppedFilesAndSortsThemIntoDoneAndFailed() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(InboxIT.class);
        Path data = TestData.newDataDir("inbox");
        Path inbox = data.resolve("inbox");
        Files.createDirectories(inbox);
        Path seeds = Files.writeString(data.resolve("sources.yaml"), "sources: []\n");
        Map<String, String> overrides = new HashMap<>();
        overrides.put("lumbung.es.url", TestElasticsearch.url().toString());
        overrides.put("lumbung.index.prefix", prefix);
        overrides.put("lumbung.data", data.toString());
        overrides.put("lumbung.seeds", seeds.toString());
        overrides.put("lumbung.http.port", Integer.toString(freePort()));
        overrides.put("lumbung.inbox.settle", "100ms");
        try (WebSite site = new WebSite(); Lumbung lumbung = Lumbung.start(Settings.load(Map.of(), overrides))) {
            site.page("/article/view/9", WebSite.Page.html("<html><head><meta name=\"citation_title\""
                    + " content=\"Halaman yang Didaftar\"></head></html>"));
            Main main = lumbung.camel(true);
            main.start();
            try {
                Files.writeString(inbox.resolve("ojs-article.html"), "<html><head><title>x</title>"
                        + "<meta name=\"citation_title\" content=\"Kajian Kotak Masuk\">"
                        + "<link rel=\"canonical\" href=\"https://jurnal.example.ac.id/index.php/x/article/view/5\">"
                        + "</head></html>");
                Files.writeString(inbox.resolve("pages.txt"), site.url("/article/view/9") + "\n");
                Files.writeString(inbox.resolve("empty.html"), "<html><head></head><body></body></html>");
                byte[] noise = new byte[200 * 1024];
                new Random(12).nextBytes(noise);
                Files.write(inbox.resolve("scan.html"), noise);
                await(() -> Files.exists(inbox.resolve("done/ojs-article.html"))
                        && Files.exists(inbox.resolve("done/pages.txt"))
                        && Files.exists(inbox.resolve("failed/empty.html.reason.txt"))
                        && Files.exists(inbox.resolve("failed/empty.html"))
                        && Files.exists(inbox.resolve("failed/scan.html.reason.txt")));
            } finally {
                main.stop();
            }
            assertThat(Files.readString(inbox.resolve("failed/empty.html.reason.txt"))).contains("no title found");
            assertThat(Files.readString(inbox.resolve("failed/scan.html.reason.txt"))).contains("not text: ");
            List<DeadLetter> letters = lumbung.components().deadLetters().list(null, 10);
            assertThat(letters).extracting(DeadLetter::sourceId, DeadLetter::recordId, DeadLetter::stage)
                    .containsExactlyInAnyOrder(
                            tuple("local-pages", inbox.resolve("empty.html").toString(), "extract"),
                            tuple("local-pages", inbox.resolve("scan.html").toString(), "read"));
            assertThat(letters).extracting(DeadLetter::reason)
                    .anySatisfy(reason -> assertThat(reason).contains("no title found"))
                    .anySatisfy(reason -> assertThat(reason).startsWith("not text: "));
            Map<String, Map> docs = Harvests.records(prefix);
            assertThat(docs).containsOnlyKeys("https://jurnal.example.ac.id/index.php/x/article/view/5",
                    site.url("/article/view/9"));
        } finally {
            TestData.delete(data);
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the inbox did not settle in time");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
