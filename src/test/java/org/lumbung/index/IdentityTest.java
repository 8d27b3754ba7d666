package org.lumbung.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;

class IdentityTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"https://doi.org/10.14710/JHI.v12i1.101", "http://dx.doi.org/10.14710/jhi.v12i1.101",
        "https://www.doi.org/10.14710/jhi.v12i1.101"})
    void takesAnAddressAtTheDoiResolverForTheDoiNotForALandingAddress(String identifier) {
        DcRecord record = new DcRecordBuilder("oai:jurnal.example.ac.id:article/101", "jurnal")
                .add(DcElement.IDENTIFIER, identifier)
                .add(DcElement.IDENTIFIER, "https://jurnal.example.ac.id/index.php/jhi/article/view/101")
                .build(null);

        Identity.Keys keys = Identity.keys(record);

        assertThat(keys.dois()).containsExactly("10.14710/jhi.v12i1.101");
        assertThat(keys.urls()).containsExactly("jurnal.example.ac.id/index.php/jhi/article/view/101");
    }
}
