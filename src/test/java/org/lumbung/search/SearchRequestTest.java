package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    @Test
    void readsTheQueryStringTheSearchPageSends() {
        SearchRequest r = SearchRequest.parse("q=kebijakan+luar%20negeri&page=3&size=20&sort=newest"
                + "&source=journal-a&year=2021&year=2019&access=open+access&unknown=x&type=");
        assertThat(r.query()).isEqualTo("kebijakan luar negeri");
        assertThat(r.from()).isEqualTo(40);
        assertThat(r.sort()).isEqualTo(SearchRequest.Sort.NEWEST);
        assertThat(r.filters()).containsOnlyKeys(Facet.SOURCE, Facet.YEAR, Facet.ACCESS);
        assertThat(r.filters().get(Facet.YEAR)).isEqualTo(List.of("2021", "2019"));
        assertThat(SearchRequest.parse(null).query()).isEqualTo("*");
    }

    @Test
    void readsAYearRangeAndOpenAccessOnlyAndRefusesARangeThatRunsBackwards() {
        SearchRequest r = SearchRequest.parse("q=x&year_from=2019&year_to=2021&open=true");
        assertThat(r.yearFrom()).isEqualTo(2019);
        assertThat(r.yearTo()).isEqualTo(2021);
        assertThat(r.openAccess()).isTrue();
        assertThat(r.narrowed()).isTrue();
        SearchRequest open = SearchRequest.parse("year_from=&year_to=2000&open=");
        assertThat(open.yearFrom()).as("an empty box is no bound").isNull();
        assertThat(open.openAccess()).isFalse();
        assertThat(SearchRequest.parse("q=x").narrowed()).isFalse();
        assertThatThrownBy(() -> SearchRequest.parse("year_from=2021&year_to=2019"))
                .hasMessage("the years run backwards: year_from 2021 is after year_to 2019");
        assertThatThrownBy(() -> SearchRequest.parse("year_to=soon")).hasMessageContaining("year_to");
        assertThatThrownBy(() -> SearchRequest.parse("open=maybe")).hasMessageContaining("open");
        assertThat(SearchCursor.fingerprint(r)).as("a cursor stays with its range")
                .isNotEqualTo(SearchCursor.fingerprint(SearchRequest.parse("q=x&year_from=2019&open=true")))
                .isNotEqualTo(SearchCursor.fingerprint(SearchRequest.parse("q=x&year_from=2019&year_to=2021")));
    }

    @Test
    void refusesWhatMakesNoSenseNamingTheParameter() {
        assertThatThrownBy(() -> SearchRequest.parse("size=abc")).hasMessageContaining("size");
        assertThatThrownBy(() -> SearchRequest.parse("size=0")).hasMessageContaining("size");
        assertThatThrownBy(() -> SearchRequest.parse("page=101&size=100")).hasMessageContaining("10000");
        assertThatThrownBy(() -> SearchRequest.parse("sort=random")).hasMessageContaining("sort");
        assertThatThrownBy(() -> SearchRequest.parse("year=2021a")).hasMessageContaining("year");
        assertThatThrownBy(() -> SearchRequest.parse("q=%zz")).hasMessageContaining("percent-encoded");
        assertThatThrownBy(() -> SearchRequest.parse("group=work")).hasMessageContaining("group must be works or records");
    }

    @Test
    void saysWhatIsWrongWithAQueryTheSimpleSyntaxWouldQuietlyMisread() {
        assertThatThrownBy(() -> SearchRequest.parse("q=a+AND+(b")).hasMessage(
                "The query cannot be read: unbalanced parenthesis: the '(' at character 7 is never closed.");
        assertThatThrownBy(() -> SearchRequest.parse("q=a)+b")).hasMessage(
                "The query cannot be read: unbalanced parenthesis: the ')' at character 2 closes nothing.");
        assertThatThrownBy(() -> SearchRequest.parse("q=%22luar+negeri")).hasMessage(
                "The query cannot be read: unclosed quote: the '\"' at character 1 has no closing '\"'.");
        assertThat(SearchRequest.parse("q=%22a+(b%22+(c+%7C+d)+e%5C(").query())
                .as("parentheses inside a phrase, and escaped ones, are text").isEqualTo("\"a (b\" (c | d) e\\(");
    }

    @Test
    void countsThePagesAndSaysWhenThePageAskedForIsPastTheLast() {
        SearchResult past = SearchResult.of(SearchRequest.parse("q=x&page=26"), 250, List.of(), java.util.Map.of(), null);
        assertThat(past.pages()).isEqualTo(25);
        assertThat(past.notice()).isEqualTo("Page 26 is past the last page (25)");
        assertThat(SearchResult.of(SearchRequest.parse("page=25"), 250, List.of(), java.util.Map.of(), null).notice()).isNull();
        assertThat(SearchResult.of(SearchRequest.parse("page=2"), 0, List.of(), java.util.Map.of(), null).notice())
                .as("no records at all is said otherwise").isNull();
        assertThat(SearchResult.of(SearchRequest.parse("size=100"), 50_000, List.of(), java.util.Map.of(), null).pages())
                .as("only the first 10,000 hits are pages").isEqualTo(100);
    }

    @Test
    void splitsElasticsearchsMarkedFragmentsIntoPlainTextSegments() {
        assertThat(Highlight.split("a " + Highlight.START + "b" + Highlight.END + " <i>c</i>")).containsExactly(
                new Highlight("a ", false), new Highlight("b", true), new Highlight(" <i>c</i>", false));
        assertThat(Highlight.split(Highlight.START + "open")).containsExactly(new Highlight("open", true));
    }

    @Test
    void groupsByWorksOnlyWhenAsked() {
        assertThat(SearchRequest.parse("q=a").works()).isFalse();
        assertThat(SearchRequest.parse("q=a&group=records").works()).isFalse();
        assertThat(SearchRequest.parse("q=a&group=works").works()).isTrue();
        assertThat(SearchRequest.parse("q=a&group=works&cursor=*").works()).isTrue();
    }

    @Test
    void pagesByCursorOrByPageNeverBoth() {
        SearchRequest first = SearchRequest.parse("q=x&size=100&cursor=*");
        assertThat(first.cursorPaged()).isTrue();
        assertThat(first.firstCursorPage()).isTrue();
        assertThat(first.from()).isZero();
        assertThat(SearchRequest.parse("q=x").cursorPaged()).isFalse();
        assertThatThrownBy(() -> SearchRequest.parse("cursor=*&page=2")).hasMessageContaining("page cannot be combined");
        assertThatThrownBy(() -> SearchRequest.parse("cursor=*&page=1")).hasMessageContaining("page cannot be combined");
        assertThatThrownBy(() -> SearchRequest.parse("from=20&cursor=*")).hasMessageContaining("from cannot be combined");
        assertThatThrownBy(() -> SearchRequest.parse("cursor=")).hasMessageContaining("cursor must be *");
        assertThatThrownBy(() -> SearchRequest.parse("cursor=*&size=101")).hasMessageContaining("size");
        assertThatThrownBy(() -> SearchRequest.parse("page=101&size=100")).hasMessageContaining("cursor=*");
    }
}
