package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    private static final SearchRequest SEARCH = SearchRequest.parse("q=diplomasi&sort=newest&source=a&cursor=*");

    @Test
    void readsBackTheSortValuesItWroteWithTheirTypes() {
        SearchCursor written = SearchCursor.after("pit-1", List.of(FieldValue.of(1_600_000_000_000L),
                FieldValue.of(2.5), FieldValue.NULL, FieldValue.of("Judul"), FieldValue.of(42L)), SEARCH);
        String token = written.encode();
        assertThat(token).matches("[A-Za-z0-9_-]+");

        SearchCursor read = SearchCursor.decode(token, SearchRequest.parse("q=diplomasi&sort=newest&source=a&size=50"
                + "&cursor=" + token));
        assertThat(read).isEqualTo(written);
        assertThat(read.searchAfter()).extracting(FieldValue::_kind).containsExactly(FieldValue.Kind.Long,
                FieldValue.Kind.Double, FieldValue.Kind.Null, FieldValue.Kind.String, FieldValue.Kind.Long);
        assertThat(read.searchAfter().get(0).longValue()).isEqualTo(1_600_000_000_000L);
        assertThat(read.searchAfter().get(4).longValue()).isEqualTo(42L);
    }

    @Test
    void refusesACursorFollowedWithAnotherSearch() {
        String token = SearchCursor.after("pit-1", List.of(FieldValue.of(1L)), SEARCH).encode();
        for (String other : List.of("q=diplomasi&sort=title&source=a", "q=kebijakan&sort=newest&source=a",
                "q=diplomasi&sort=newest&source=b", "q=diplomasi&sort=newest&source=a&year=2021",
                "q=diplomasi&sort=newest&source=a&group=works")) {
            assertThatThrownBy(() -> SearchCursor.decode(token, SearchRequest.parse(other + "&cursor=" + token)))
                    .as(other).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("another search").hasMessageContaining("cursor=*");
        }
    }

    @Test
    void refusesACursorLumbungDidNotWrite() {
        String token = SearchCursor.after("pit-1", List.of(FieldValue.of(1L)), SEARCH).encode();
        String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String noAfter = Base64.getUrlEncoder().encodeToString(json.replaceAll("\"after\":\\[[^]]*]",
                "\"after\":[]").getBytes(StandardCharsets.UTF_8));
        String objectInAfter = Base64.getUrlEncoder().encodeToString(json.replaceAll("\"after\":\\[[^]]*]",
                "\"after\":[{\"x\":1}]").getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of("not base64!", token.substring(0, token.length() / 2), "e30", noAfter, objectInAfter,
                Base64.getUrlEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8)))) {
            assertThatThrownBy(() -> SearchCursor.decode(bad, SEARCH)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one Lumbung wrote");
        }
    }
}
