package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lumbung.http.Redirect;

/** Where a redirect of one request says the base URL moved: the OAI-PMH arguments are no part of the new base URL. */
class MoveTest {

    private static final String BASE = "http://old.example.org/oai";

    @Test
    void aRedirectKeepingTheQueryMovesTheBaseUrlWithoutIt() {
        String url = BASE + "?verb=ListRecords&resumptionToken=fake%2F%2B6%2F%2F%2F";
        Move move = Move.of(BASE, url, new Redirect(301, url,
                "https://new.example.org/server/oai/request?verb=ListRecords&resumptionToken=fake%2F%2B6%2F%2F%2F"));
        assertThat(move).isEqualTo(new Move(BASE, "https://new.example.org/server/oai/request"));
    }

    @Test
    void aRedirectDroppingTheQueryStillNamesTheNewBaseUrl() {
        String url = BASE + "?verb=Identify";
        assertThat(Move.of(BASE, url, new Redirect(308, url, "https://new.example.org/oai")).to())
                .isEqualTo("https://new.example.org/oai");
        assertThat(Move.of(BASE, url, new Redirect(301, url, "https://new.example.org/oai?lang=en#top")).to())
                .isEqualTo("https://new.example.org/oai");
    }

    @Test
    void aBaseUrlWithAQueryOfItsOwnKeepsIt() {
        String base = "http://old.example.org/csw?mode=oaipmh";
        String url = base + "&verb=Identify";
        assertThat(Move.of(base, url, new Redirect(301, url, "https://new.example.org/csw?mode=oaipmh&verb=Identify"))
                .to()).isEqualTo("https://new.example.org/csw?mode=oaipmh");
    }

    @Test
    void theMessageNamesBothAddressesAndWhatAnOperatorMayDo() {
        assertThat(new Move(BASE, "https://new.example.org/oai").notFollowed("repo")).startsWith("the base URL "
                + BASE + " moved permanently to https://new.example.org/oai; not followed")
                .contains("`sources accept-move repo`", "POST /admin/sources/repo/accept-move", "followMoves: true");
    }
}
