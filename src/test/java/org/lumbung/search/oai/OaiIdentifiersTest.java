package org.lumbung.search.oai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OaiIdentifiersTest {

    private final OaiIdentifiers identifiers = new OaiIdentifiers("lumbung");

    @Test
    void keepsUriCharactersAndPercentEncodesTheRestSoEveryIdReadsBack() {
        assertThat(identifiers.of("undip-jihi:oai:ojs.ejournal3.undip.ac.id:article/34353"))
                .isEqualTo("oai:lumbung:undip-jihi:oai:ojs.ejournal3.undip.ac.id:article/34353");
        assertThat(identifiers.of("https://j.example/view/1?a=b c#x%20"))
                .isEqualTo("oai:lumbung:https://j.example/view/1?a=b%20c%23x%2520");
        assertThat(identifiers.of("perpustakaan:Erdoğan")).isEqualTo("oai:lumbung:perpustakaan:Erdo%C4%9Fan");
        for (String id : new String[] {"a:b/c", "https://j.example/view/1?a=b c#x%20", "perpustakaan:Erdoğan"}) {
            assertThat(identifiers.documentId(identifiers.of(id))).contains(id);
        }
    }

    @Test
    void refusesIdentifiersOutsideItsNamespaceOrBadlyEscaped() {
        assertThat(identifiers.documentId("oai:elsewhere:1")).isEmpty();
        assertThat(identifiers.documentId("oai:lumbung:")).isEmpty();
        assertThat(identifiers.documentId("oai:lumbung:bad%2")).isEmpty();
        assertThat(identifiers.documentId("oai:lumbung:bad%zz")).isEmpty();
        assertThat(identifiers.documentId("oai:lumbung:space here")).isEmpty();
    }
}
