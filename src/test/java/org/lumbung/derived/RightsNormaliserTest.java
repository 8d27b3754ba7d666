package org.lumbung.derived;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RightsNormaliserTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "http://creativecommons.org/licenses/by-nc-nd/3.0|https://creativecommons.org/licenses/by-nc-nd/3.0/|CC BY-NC-ND 3.0",
        "https://creativecommons.org/licenses/by/4.0/legalcode|https://creativecommons.org/licenses/by/4.0/|CC BY 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.id|https://creativecommons.org/licenses/by-sa/4.0/|CC BY-SA 4.0",
        "http://creativecommons.org/licenses/by-nc-nd/3.0/es/|https://creativecommons.org/licenses/by-nc-nd/3.0/es/|CC BY-NC-ND 3.0 ES",
        "https://creativecommons.org/publicdomain/zero/1.0/|https://creativecommons.org/publicdomain/zero/1.0/|CC0 1.0",
        "CC BY-NC-ND 4.0|https://creativecommons.org/licenses/by-nc-nd/4.0/|CC BY-NC-ND 4.0",
        "CC-BY-4.0|https://creativecommons.org/licenses/by/4.0/|CC BY 4.0",
        "Creative Commons Attribution-ShareAlike 4.0 International License|https://creativecommons.org/licenses/by-sa/4.0/|CC BY-SA 4.0",
        "Creative Commons Attribution-NonCommercial-NoDerivitives 3.0 License|https://creativecommons.org/licenses/by-nc-nd/3.0/|CC BY-NC-ND 3.0",
        "Lisensi Creative Commons Atribusi-NonKomersial-BerbagiSerupa 4.0 Internasional|https://creativecommons.org/licenses/by-nc-sa/4.0/|CC BY-NC-SA 4.0",
        "Atribución-NoComercial-SinDerivadas 3.0 España|https://creativecommons.org/licenses/by-nc-nd/3.0/|CC BY-NC-ND 3.0",
        "CC0|https://creativecommons.org/publicdomain/zero/1.0/|CC0 1.0",
    })
    void recognisesCreativeCommonsLicences(String statement, String uri, String label) {
        assertThat(RightsNormaliser.licence(List.of(statement))).isEqualTo(new Licence(uri, label));
    }

    @Test
    void givesNoUriForALicenceNamedWithoutVersion() {
        assertThat(RightsNormaliser.licence(List.of("CC-BY"))).isEqualTo(new Licence(null, "CC BY"));
    }

    @Test
    void prefersTheLicenceAddressToItsName() {
        assertThat(RightsNormaliser.licence(List.of("Atribución-NoComercial-SinDerivadas 3.0 España",
                "http://creativecommons.org/licenses/by-nc-nd/3.0/es/")).uri())
                .isEqualTo("https://creativecommons.org/licenses/by-nc-nd/3.0/es/");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Copyright (c) 2021 Jurnal Sosial dan Politik", "© EverCats.com",
        "Attribution required for reuse", "http://rightsstatements.org/vocab/InC-EDU/1.0/", ""})
    void recognisesNoLicenceWhereThereIsNone(String statement) {
        assertThat(RightsNormaliser.licence(List.of(statement))).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "info:eu-repo/semantics/openAccess|c_abf2",
        "info:eu-repo/semantics/embargoedAccess|c_f1cf",
        "info:eu-repo/semantics/restrictedAccess|c_16ec",
        "info:eu-repo/semantics/closedAccess|c_14cb",
        "http://purl.org/coar/access_right/c_abf2|c_abf2",
        "https://purl.org/coar/access_right/c_f1cf|c_f1cf",
        "open access|c_abf2",
        "Akses terbuka|c_abf2",
        "This is an open-access article distributed under the terms of the licence|c_abf2",
        "Metadata only|c_14cb",
    })
    void readsAccessRights(String statement, String code) {
        assertThat(RightsNormaliser.accessRights(List.of(statement)).uri()).isEqualTo(RightsNormaliser.COAR + code);
    }

    @Test
    void takesACreativeCommonsLicenceForOpenAccessWhenNothingIsStated() {
        assertThat(RightsNormaliser.accessRights(List.of("CC BY 4.0"))).isEqualTo(RightsNormaliser.OPEN);
        assertThat(RightsNormaliser.accessRights(List.of("info:eu-repo/semantics/embargoedAccess", "CC BY 4.0")))
                .isEqualTo(RightsNormaliser.EMBARGOED);
        assertThat(RightsNormaliser.accessRights(List.of("© 2014 the authors"))).isNull();
    }
}
