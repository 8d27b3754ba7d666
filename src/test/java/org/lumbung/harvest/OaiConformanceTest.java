package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdcc.xoai.model.oaipmh.Error;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every real OAI-PMH response in ../shared/fixtures (DSpace, EPrints, OJS, Invenio, arXiv... and the broken ones)
 * through Lumbung's parser: nothing crashes, every well-formed record is extracted or set aside with a reason (as the
 * salvage would dead-letter it), and every error code is recognised by name. Skips, saying so, without the folder.
 */
class OaiConformanceTest {

    private static final Path FIXTURES = Path.of("..", "shared", "fixtures", "oai");
    // One header per OAI-PMH record (record elements also occur inside MARCXML metadata).
    private static final Pattern RECORD = Pattern.compile("<(?:[\\w.-]+:)?header[\\s>]");
    private static final Pattern ERROR_CODE = Pattern.compile("<(?:[\\w.-]+:)?error\\s+code\\s*=\\s*[\"']([^\"']*)[\"']");

    @Test
    void everyRealResponseParsesOrFailsWithAReasonAndNoRecordIsLost() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES),
                "../shared/fixtures/oai is absent here: the conformance test over real responses is skipped");
        OaiPageParser parser = new OaiPageParser();
        List<String> problems = new ArrayList<>();
        int files = 0;
        int responses = 0;
        int records = 0;
        int setAside = 0;
        int errors = 0;
        try (Stream<Path> paths = Files.walk(FIXTURES)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                files++;
                byte[] body = Files.readAllBytes(file);
                String text = new String(body, StandardCharsets.UTF_8);
                if (!text.contains("OAI-PMH")) {
                    continue; // a bare metadata record, read by the crosswalk conformance test
                }
                responses++;
                int expected = count(RECORD, text);
                Matcher code = ERROR_CODE.matcher(text);
                try {
                    OaiPage page = parser.parse(body, "conformance", file.toString(), null);
                    records += page.records().size();
                    if (page.records().size() < expected) {
                        problems.add(file + ": " + page.records().size() + " of " + expected + " records read");
                    }
                    if (code.find() && !code.group(1).equals("noRecordsMatch")) {
                        problems.add(file + ": error " + code.group(1) + " was not reported");
                    }
                } catch (HarvestException e) {
                    if (code.find()) {
                        errors++;
                        if (e.oaiCode() == null && !knownOutsideTheProtocol(code.group(1))) {
                            problems.add(file + ": error code '" + code.group(1) + "' not recognised: " + e.reason());
                        }
                        continue;
                    }
                    PageSalvage.Salvaged salvaged = PageSalvage.salvage(XmlSanitizer.sanitize(body).xml(), parser,
                            "conformance", file.toString(), null);
                    int read = salvaged == null ? 0 : salvaged.records().size();
                    int broken = salvaged == null ? expected : salvaged.broken().size();
                    records += read;
                    setAside += broken;
                    if (read + broken < expected) {
                        problems.add(file + ": salvage accounts for " + (read + broken) + " of " + expected + " records");
                    }
                } catch (RuntimeException e) {
                    problems.add(file + ": crashed with " + e);
                }
            }
        }
        System.out.printf("OAI-PMH conformance: %d files, %d responses, %d records read, %d set aside with a reason,"
                + " %d OAI errors recognised%n", files, responses, records, setAside, errors);
        assertThat(problems).isEmpty();
        assertThat(responses).isGreaterThan(20);
    }

    private static boolean knownOutsideTheProtocol(String code) {
        return !List.of(Error.Code.values()).stream().map(Error.Code::id).toList().contains(code.trim());
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
