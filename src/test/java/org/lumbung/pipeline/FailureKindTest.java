package org.lumbung.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

    private static ConnectException wrapped(Throwable cause) {
        ConnectException e = new ConnectException();
        e.initCause(cause);
        return e;
    }

    @Test
    void tellsANameThatDoesNotExistFromAResolverThatFailed() {
        assertThat(FailureKind.of(new UnknownHostException("journal.example.ac.id: Name or service not known")))
                .isEqualTo(FailureKind.DNS);
        assertThat(FailureKind.of(new UnknownHostException("repo.example: Temporary failure in name resolution")))
                .isEqualTo(FailureKind.DNS_TEMPORARY);
        assertThat(FailureKind.of(wrapped(new UnresolvedAddressException()))).isEqualTo(FailureKind.DNS);
        assertThat(FailureKind.DNS.transientFault()).isFalse();
        assertThat(FailureKind.DNS_TEMPORARY.transientFault()).isTrue();
    }

    @Test
    void readsTheKindFromTheTypesOfTheCausesNotTheirMessages() {
        assertThat(FailureKind.of(wrapped(new ConnectException("Connection refused")))).isEqualTo(FailureKind.REFUSED);
        // the JDK client's refusal: no message anywhere, a closed channel inside
        assertThat(FailureKind.of(wrapped(new java.nio.channels.ClosedChannelException()))).isEqualTo(FailureKind.REFUSED);
        assertThat(FailureKind.of(new ConnectException("No route to host"))).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(FailureKind.of(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo(FailureKind.CONNECT_TIMEOUT);
        assertThat(FailureKind.of(new HttpTimeoutException("request timed out"))).isEqualTo(FailureKind.TIMEOUT);
        assertThat(FailureKind.of(new IOException("wrapped", new EOFException("EOF reached while reading"))))
                .isEqualTo(FailureKind.TRUNCATED);
        assertThat(FailureKind.of(new SSLHandshakeException("PKIX path building failed"))).isEqualTo(FailureKind.TLS);
        assertThat(FailureKind.of(new IOException("Connection reset"))).isEqualTo(FailureKind.UNREACHABLE);
    }

    @Test
    void onlyFailuresBeforeTheRequestLeftSpendNoToken() {
        assertThat(FailureKind.REFUSED.mayHaveReachedServer()).isFalse();
        assertThat(FailureKind.CONNECT_TIMEOUT.mayHaveReachedServer()).isFalse();
        assertThat(FailureKind.DNS.mayHaveReachedServer()).isFalse();
        assertThat(FailureKind.TIMEOUT.mayHaveReachedServer()).isTrue();
        assertThat(FailureKind.TRUNCATED.mayHaveReachedServer()).isTrue();
        assertThat(FailureKind.UNREACHABLE.mayHaveReachedServer()).isTrue();
    }
}
