package org.lumbung;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.lumbung.pipeline.Reasons;

class AppTest {

    @Test
    void describesAFailureByItsCausesEachMessageOnce() {
        IOException gone = new IOException("Elasticsearch did not answer within 3s");
        UncheckedIOException write = new UncheckedIOException("cannot write source fake", gone);
        assertThat(Reasons.of(write)).isEqualTo("cannot write source fake: Elasticsearch did not answer within 3s");
        // A wrapper whose message repeats its cause's adds nothing.
        assertThat(Reasons.of(new IllegalStateException(gone)))
                .isEqualTo("Elasticsearch did not answer within 3s");
    }

    @Test
    void saysWhatAFailureMeansWithoutJavaClassNames() {
        assertThat(Reasons.of(new UncheckedIOException("cannot read /data/x.html",
                new java.nio.file.NoSuchFileException("/data/x.html"))))
                .isEqualTo("cannot read /data/x.html: no such file: /data/x.html");
        assertThat(Reasons.of(new IOException("cannot prepare the indices on http://127.0.0.1:1",
                new java.net.ConnectException("Connection refused"))))
                .isEqualTo("cannot prepare the indices on http://127.0.0.1:1: connection refused");
        assertThat(Reasons.of(new RuntimeException(new java.nio.channels.ClosedChannelException())))
                .isEqualTo("the connection was closed");
        assertThat(Reasons.of(new RuntimeException("thread waiting for the response was interrupted",
                new InterruptedException()))).isEqualTo("interrupted");
        assertThat(Reasons.of(new NullPointerException())).doesNotContain("java.").contains("see the log file");
    }
}
