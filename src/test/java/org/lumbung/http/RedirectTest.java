package org.lumbung.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which redirects move an address: permanent ones that do more than turn http into https. */
class RedirectTest {

    private static final String OLD = "http://repo.example.org/oai?verb=Identify";

    @ParameterizedTest
    @CsvSource({"302", "303", "307"})
    void aTemporaryRedirectIsNoMoveWhereverItGoes(int status) {
        assertThat(new Redirect(status, OLD, "https://elsewhere.example/oai?verb=Identify").move()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "301, http://repo.example.org/oai?verb=Identify, https://repo.example.org/oai?verb=Identify",
        "308, http://repo.example.org/oai?verb=Identify, https://repo.example.org/oai?verb=Identify",
        "301, http://Repo.Example.org:80/oai?verb=Identify, https://repo.example.org:443/oai?verb=Identify",
        "301, http://repo.example.org, https://repo.example.org/"})
    void http301ToHttpsOnTheSameHostPathAndQueryIsAnUpgradeNotAMove(int status, String from, String to) {
        Redirect redirect = new Redirect(status, from, to);
        assertThat(redirect.secureUpgrade()).isTrue();
        assertThat(redirect.move()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "https://new.example.org/oai?verb=Identify, another host",
        "https://repo.example.org/server/oai/request?verb=Identify, another path",
        "http://repo.example.org/oai/?verb=Identify, a trailing slash",
        "https://repo.example.org:8443/oai?verb=Identify, another port",
        "https://repo.example.org/oai?verb=Identify&x=1, another query",
        "https://127.0.0.1/oai?verb=Identify, an address instead of the name"})
    void anyOtherPermanentRedirectIsAMove(String to, String what) {
        assertThat(new Redirect(301, OLD, to).move()).as(what).isTrue();
        assertThat(new Redirect(308, OLD, to).move()).as(what).isTrue();
    }

    @Test
    void httpsDownToHttpIsNoUpgrade() {
        Redirect down = new Redirect(301, "https://repo.example.org/oai", "http://repo.example.org/oai");
        assertThat(down.secureUpgrade()).isFalse();
        assertThat(down.move()).isTrue();
    }

    @Test
    void theMoveOfAChainIsItsFirstPermanentRedirectBeyondAnUpgrade() {
        Redirect upgrade = new Redirect(301, OLD, "https://repo.example.org/oai?verb=Identify");
        Redirect move = new Redirect(308, upgrade.to(), "https://new.example.org/oai?verb=Identify");
        Redirect onwards = new Redirect(301, move.to(), "https://newer.example.org/oai?verb=Identify");
        assertThat(Redirect.move(List.of(upgrade, move, onwards))).contains(move);
        assertThat(Redirect.move(List.of(upgrade))).isEmpty();
        assertThat(Redirect.move(List.of())).isEmpty();
    }

    @Test
    void aPermanentRedirectAfterATemporaryOneMovesAStandInNotTheAddressAsked() {
        Redirect maintenance = new Redirect(302, OLD, "http://repo.example.org/maintenance");
        Redirect moved = new Redirect(301, maintenance.to(), "https://status.example.net/");
        assertThat(Redirect.move(List.of(maintenance, moved))).isEmpty();
    }
}
