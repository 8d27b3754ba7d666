package org.lumbung;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class AppTest {

    @Test
    void describesAFailureByItsCausesEachMessageOnce() {
        IOException gone = new IOException("Elasticsearch did not answer within 3s");
        UncheckedIOException write = new UncheckedIOException("cannot write source fake", gone);
        assertThat(App.describe(write)).isEqualTo("cannot write source fake: Elasticsearch did not answer within 3s");
        // A wrapper whose message repeats its cause's adds nothing.
        assertThat(App.describe(new IllegalStateException(gone)))
                .isEqualTo("java.io.IOException: Elasticsearch did not answer within 3s");
    }

}
