package org.lumbung.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.lumbung.index.DocumentIds;

/**
 * SHA-256 as FIPS 180-4 gives it, and the two names that carry a hash of what was too long to keep: a document id over
 * Elasticsearch's 512 bytes and a source's file name over a file system's limit. Each must stay the same from build to
 * build, or a long id would land in a second document and a long source lose its checkpoint.
 */
class Sha256Test {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void isTheStandardDigest() {
        assertThat(HexFormat.of().formatHex(Sha256.of("abc".getBytes(StandardCharsets.UTF_8)))).isEqualTo(ABC);
        assertThat(HexFormat.of().formatHex(Sha256.digest().digest("abc".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ABC);
        assertThat(HexFormat.of().formatHex(Sha256.of(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void aDocumentIdTooLongKeepsItsHeadAndGainsTheHashOfTheWhole() {
        String id = "repository:oai:example.org:" + "x".repeat(600);
        String safe = DocumentIds.safe(id);
        assertThat(safe).startsWith(id.substring(0, 400)).hasSize(400 + "#sha256:".length() + 64)
                .endsWith("#sha256:a6c90b75f51e55e356ba636208a4783cb609eee27dfb0462a8a3f9342733daa7");
        assertThat(DocumentIds.safe("repository:oai:example.org:1")).isEqualTo("repository:oai:example.org:1");
    }

    @Test
    void aSourceFileNameTooLongKeepsItsHeadAndGainsTheHashOfTheWhole() {
        String id = "s".repeat(300);
        assertThat(SourceId.fileName(id))
                .isEqualTo("s".repeat(128) + "-2955c7328c57ca39d0568bb930a5360e6b0e7f33931639c819d7cbfeaf0a88c7");
        assertThat(SourceId.fileName("journal")).isEqualTo("journal");
    }
}
