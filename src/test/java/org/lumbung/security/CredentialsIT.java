package org.lumbung.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.FakeRepository;
import org.lumbung.testing.FakeRepository.Fault;
import org.lumbung.testing.TestData;
import org.lumbung.testing.TestElasticsearch;

/**
 * Secrets stay secret: a harvest in its own JVM, given an Elasticsearch API key and an admin token through the
 * environment, meets a retry and a record it cannot read; neither secret appears in anything it printed or logged, in
 * its harvest report, its dead letter or the source's checkpoint. (The test node runs without security and ignores
 * the key, so the harvest succeeds while carrying it on every request.)
 */
class CredentialsIT {

    private static final String API_KEY = "QVBJLWtleS1pZDpzM2NyZXQtYXBpLWtleQ==";
    private static final String ADMIN_TOKEN = "adm1n-t0ken-never-shown";

    @Test
    @SuppressWarnings("rawtypes")
    void noSecretAppearsInOutputLogsReportsOrDeadLetters() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(CredentialsIT.class);
        Path work = TestData.newDataDir("credentials");
        try (FakeRepository repo = new FakeRepository().records(7, "2026-01-01").brokenRecord("oai:fake:4", true)) {
            repo.fault(Fault.pass(), Fault.status(503));
            ProcessBuilder builder = Cli.inOwnJvm(work.resolve("harvest.log"), "harvest",
                    repo.baseUrl(), "--source", "fake", "--es", TestElasticsearch.url().toString(),
                    "--index-prefix", prefix, "--no-windows", "-Dlumbung.index.flush-interval=20ms",
                    "-Dlumbung.harvest.retry.initial-delay=10ms", "-Dlumbung.harvest.page-retries=1");
            builder.environment().put("LUMBUNG_ES_API_KEY", API_KEY);
            builder.environment().put("LUMBUNG_ADMIN_TOKEN", ADMIN_TOKEN);
            Process harvest = builder.start();
            assertThat(harvest.waitFor(3, TimeUnit.MINUTES)).as("the harvest ends").isTrue();
            String log = Files.readString(work.resolve("harvest.log"));
            assertThat(harvest.exitValue()).as("complete, with one record set aside: " + log).isEqualTo(1);
            // What the run had to say was said: the retry, the unreadable record, the summary.
            assertThat(log).contains("answered 503", "oai:fake:4", "harvest fake complete", "6 records indexed",
                    "1 failed");
            assertNoSecret("output and log", log);

            for (String index : List.of("-records", "-harvests", "-deadletter", "-sources")) {
                Map<String, Map> documents = TestElasticsearch.documents(prefix + index);
                assertThat(documents).as(prefix + index).isNotEmpty();
                assertNoSecret(prefix + index, documents.toString());
            }
        } finally {
            TestData.delete(work);
        }
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : List.of(API_KEY, ADMIN_TOKEN, "s3cret-api-key")) {
            assertThat(text).as(where).doesNotContain(secret);
        }
    }
}
