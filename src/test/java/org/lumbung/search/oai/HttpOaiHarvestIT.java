package org.lumbung.search.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lumbung.testing.KnownRecords;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.Requirements;
import org.lumbung.testing.TestElasticsearch;

/** A harvester written elsewhere, in Perl: HTTP::OAI (Debian's libhttp-oai-perl) harvests /oai completely. */
@Tag("perl")
class HttpOaiHarvestIT {

    static boolean installed() {
        try {
            Process p = new ProcessBuilder("perl", "-MHTTP::OAI", "-e", "1").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void perlsHttpOaiHarvestsEveryRecordTwoAPage() throws Exception {
        Requirements.debianPackages(installed(), "libhttp-oai-perl", "The HTTP::OAI harvest of /oai");
        String prefix = TestElasticsearch.freshPrefix(HttpOaiHarvestIT.class);
        try (LumbungServer server = LumbungServer.start(prefix, Map.of(), Map.of("lumbung.oai.page-size", "2"))) {
            KnownRecords.index(prefix + "-records");
            Path script = Files.createTempFile("http-oai-harvest", ".pl");
            try (var in = HttpOaiHarvestIT.class.getResourceAsStream("/oai/http-oai-harvest.pl")) {
                Files.write(script, in.readAllBytes());
            }
            Process perl = new ProcessBuilder("perl", script.toString(), server.base() + "/oai")
                    .redirectErrorStream(true).start();
            String out = new String(perl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(perl.waitFor(120, TimeUnit.SECONDS)).isTrue();
            Files.delete(script);
            assertThat(perl.exitValue()).as(out).isZero();
            assertThat(out).contains("repository Lumbung", "record oai:lumbung:journal-a:oai:journal-a:1",
                    "record oai:lumbung:" + KnownRecords.HOSTILE_ID, "records 5 deleted 0");
        }
    }
}
