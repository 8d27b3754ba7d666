package org.lumbung.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Which routes may send a cookie: the operator page's, and no other, whatever a route sets. */
class ResponseHeaderFilterTest {

    private final ResponseHeaderFilter filter = new ResponseHeaderFilter();

    @Test
    void letsSetCookieOutOnlyFromTheOperatorPagesRoutes() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            PlatformHttpComponent component = new PlatformHttpComponent(camel);
            for (String path : new String[] {"/admin/ui", "/admin/ui/login", "/admin/ui/sources/{id}/{action}"}) {
                assertThat(filter.applyFilterToCamelHeaders("Set-Cookie", "a=1", from(camel, component, path)))
                        .as(path).isFalse();
            }
            for (String path : new String[] {"/admin/sources/{id}/pause", "/api/search", "/admin/uix", "/"}) {
                Exchange exchange = from(camel, component, path);
                assertThat(filter.applyFilterToCamelHeaders("set-cookie", "a=1", exchange)).as(path).isTrue();
                assertThat(filter.applyFilterToCamelHeaders("Location", "/x", exchange)).as(path).isFalse();
            }
            assertThat(filter.applyFilterToCamelHeaders("Set-Cookie", "a=1", new DefaultExchange(camel))).isTrue();
            assertThat(filter.applyFilterToCamelHeaders("Set-Cookie", "a=1\r\nX-Evil: 1",
                    from(camel, component, "/admin/ui"))).as("a value that splits the response").isTrue();
        }
    }

    @Test
    void letsARecordPagesSignpostingAndAnExportsFileNameOut() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            PlatformHttpComponent component = new PlatformHttpComponent(camel);
            assertThat(filter.applyFilterToCamelHeaders("Link", "<https://doi.org/10.1/x>; rel=\"cite-as\"",
                    from(camel, component, "/record"))).isFalse();
            assertThat(filter.applyFilterToCamelHeaders("Content-Disposition", "attachment; filename=\"a.bib\"",
                    from(camel, component, "/api/record/export"))).isFalse();
            assertThat(filter.applyFilterToExternalHeaders("Content-Disposition", "attachment", null))
                    .as("a query parameter named like it never becomes a header a route could send").isTrue();
        }
    }

    private static Exchange from(DefaultCamelContext camel, PlatformHttpComponent component, String path) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getExchangeExtension().setFromEndpoint(new PlatformHttpEndpoint("platform-http:" + path, path,
                component));
        return exchange;
    }
}
