package org.lumbung.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    private static String kind(String literal) throws Exception {
        return AddressGuard.nonPublic(InetAddress.getByName(literal));
    }

    @Test
    void namesEveryKindOfAddressThatIsNotPublic() throws Exception {
        assertThat(kind("127.0.0.1")).isEqualTo("a loopback address");
        assertThat(kind("::1")).isEqualTo("a loopback address");
        assertThat(kind("0.0.0.0")).isEqualTo("the unspecified address");
        assertThat(kind("169.254.169.254")).isEqualTo("a link-local address");
        assertThat(kind("fe80::1")).isEqualTo("a link-local address");
        assertThat(kind("10.1.2.3")).isEqualTo("a private address");
        assertThat(kind("172.16.0.9")).isEqualTo("a private address");
        assertThat(kind("192.168.1.1")).isEqualTo("a private address");
        assertThat(kind("100.64.0.1")).isEqualTo("a shared (carrier-grade NAT) address");
        assertThat(kind("fd12:3456::1")).isEqualTo("a unique local address");
        assertThat(kind("224.0.0.1")).isEqualTo("a multicast address");
        assertThat(kind("240.0.0.1")).isEqualTo("a reserved address");
        assertThat(kind("0.1.2.3")).isEqualTo("in 0.0.0.0/8");
        assertThat(kind("172.32.0.1")).isNull();
        assertThat(kind("103.4.5.6")).isNull();
        assertThat(kind("2001:db8::1")).isNull();
    }

    @Test
    void refusesAPrivateAddressUnlessItIsTheTrustedHostAndPortOrAllowed() {
        AddressGuard guard = AddressGuard.publicOnly(List.of("repo.intranet:8080", "10.9.9.9"));
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1:9200/_cluster/health"), null))
                .isInstanceOf(AddressGuard.BlockedAddressException.class)
                .hasMessageContaining("http://127.0.0.1:9200/_cluster/health is refused: 127.0.0.1 is a loopback address");
        assertThatThrownBy(() -> guard.check(URI.create("http://169.254.169.254/latest/meta-data/"), "journal.ac.id:443"))
                .hasMessageContaining("link-local");
        // the host the operator configured, on its port, but not another port of it
        assertThatCode(() -> guard.check(URI.create("http://127.0.0.1:8080/oai"), "127.0.0.1:8080")).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1:9200/"), "127.0.0.1:8080"))
                .isInstanceOf(AddressGuard.BlockedAddressException.class);
        assertThatCode(() -> guard.check(URI.create("http://10.9.9.9/x"), null)).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("http://[2001:db8::1]/x"), null)).doesNotThrowAnyException();
        assertThatCode(() -> AddressGuard.ALLOW_ALL.check(URI.create("http://127.0.0.1:9200/"), null))
                .doesNotThrowAnyException();
    }

    @Test
    void comparesHostAndPortWithTheSchemesPortWhereNoneIsGiven() {
        assertThat(AddressGuard.authority(URI.create("https://Journal.AC.id/oai"))).isEqualTo("journal.ac.id:443");
        assertThat(AddressGuard.authority(URI.create("http://journal.ac.id/oai"))).isEqualTo("journal.ac.id:80");
        assertThat(AddressGuard.authority(URI.create("http://[::1]:8080/"))).isEqualTo("::1:8080");
    }
}
