package org.lumbung.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import org.junit.jupiter.api.Test;

class OaiRequestTest {

    @Test
    void sendsTheTokenAloneWithTheVerbPercentEncoded() {
        String url = OaiRequest.resume("https://r.example/oai", Verb.Type.ListRecords, "a/b c+d=e!f").url();
        assertThat(url).isEqualTo("https://r.example/oai?verb=ListRecords&resumptionToken=a%2Fb%20c%2Bd%3De%21f");
    }

    @Test
    void leavesOutArgumentsThatAreNotGiven() {
        assertThat(OaiRequest.listRecords("https://r.example/oai", "oai_dc", null, "2026-01-01", null).url())
                .isEqualTo("https://r.example/oai?verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01");
    }

    @Test
    void appendsToABaseUrlThatHasAQueryOfItsOwn() {
        assertThat(OaiRequest.listRecords("https://r.example/csw?mode=oaipmh", "oai_dc", "a:b", null, null).url())
                .isEqualTo("https://r.example/csw?mode=oaipmh&verb=ListRecords&metadataPrefix=oai_dc&set=a%3Ab");
    }
}
