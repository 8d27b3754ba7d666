package org.lumbung.search.cite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** FAIR Signposting level 1: one cite-as, typed describedby and item links, license, author and type. */
class SignpostingTest {

    private static final RecordAddresses AT = new RecordAddresses("https://lumbung.example/");

    private static String links(Reference r) {
        return Signposting.links(r, AT.api(r.id()), f -> AT.export(r.id(), f));
    }

    @Test
    void linksTheDoiTheMetadataTheFullTextTheLicenceAndTheAuthors() {
        assertThat(links(Examples.full()).split(", ")).containsExactly(
                "<https://doi.org/10.14710/jihi.2021.34353>; rel=\"cite-as\"",
                "<https://lumbung.example/api/record?id=undip-jihi%3A34353>; rel=\"describedby\";"
                        + " type=\"application/json\"",
                "<https://lumbung.example/api/record/export?id=undip-jihi%3A34353&format=bibtex>; rel=\"describedby\";"
                        + " type=\"application/x-bibtex\"",
                "<https://lumbung.example/api/record/export?id=undip-jihi%3A34353&format=ris>; rel=\"describedby\";"
                        + " type=\"application/x-research-info-systems\"",
                "<https://lumbung.example/api/record/export?id=undip-jihi%3A34353&format=csl-json>;"
                        + " rel=\"describedby\"; type=\"application/vnd.citationstyles.csl+json\"",
                "<https://ejournal3.undip.ac.id/index.php/jihi/article/download/34353/1>; rel=\"item\";"
                        + " type=\"application/pdf\"",
                "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"",
                "<https://orcid.org/0000-0002-1825-0097>; rel=\"author\"",
                "<https://schema.org/ScholarlyArticle>; rel=\"type\"",
                "<https://schema.org/AboutPage>; rel=\"type\"");
    }

    @Test
    void citesThePageWithoutADoiAndEncodesWhatAUriCannotHold() {
        assertThat(links(Examples.bare())).startsWith("<" + Examples.PAGE + ">; rel=\"cite-as\", ");
        assertThat(links(Examples.hostile())).startsWith(
                "<https://doi.org/10.1002/(SICI)1097%3C3%3Ex%7By%7D>; rel=\"cite-as\", ")
                .doesNotContain("\"item\"", "\"license\"", "\"author\"");
        assertThat(AT.page("a b&c=<d>")).isEqualTo("https://lumbung.example/record?id=a+b%26c%3D%3Cd%3E");
    }
}
