package org.lumbung.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lumbung.testing.Cli;
import org.lumbung.testing.Harvests;
import org.lumbung.testing.TestElasticsearch;
import org.lumbung.testing.WebSite;
import org.lumbung.testing.WebSite.Page;

/**
 * Addresses that come from harvested content may not reach loopback or private addresses (here: another server on
 * this machine, standing for the embedded Elasticsearch or a cloud metadata service); the hosts the operator
 * configured may, and configuration can open the rest.
 */
class PrivateAddressIT {

    private static final String ARTICLE = "<html><head><meta name=\"citation_title\" content=\"%s\"></head></html>";

    /** The same machine under another name and port: loopback, and not the host the operator gave. */
    private static String elsewhere(WebSite target, String path) {
        return target.url(path).replace("127.0.0.1", "localhost");
    }

    @Test
    void aSitemapMayListPagesOfItsOwnHostButNotOfAPrivateAddress() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(PrivateAddressIT.class) + "-sitemap";
        try (WebSite journal = new WebSite(); WebSite internal = new WebSite()) {
            internal.page("/secret", Page.html(ARTICLE.formatted("Internal secret")));
            journal.page("/sitemap.xml", Page.of(200, "application/xml",
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + journal.url("/article/1")
                            + "</loc></url><url><loc>" + elsewhere(internal, "/secret") + "</loc></url></urlset>"));
            journal.page("/article/1", Page.html(ARTICLE.formatted("Artikel satu")));

            Cli.Result result = Cli.onTestEs(prefix, "ingest", journal.url("/sitemap.xml"), "--source", "journal");
            assertThat(result.out()).contains("1 records indexed", "1 failed");
            assertThat(result.out()).contains("  failed: " + elsewhere(internal, "/secret") + ": "
                    + elsewhere(internal, "/secret") + " is refused: localhost is a loopback address");
            assertThat(internal.requests()).as("nothing reached the internal server").isEmpty();
            assertThat(TestElasticsearch.documents(prefix + "-records")).containsOnlyKeys(journal.url("/article/1"));

            // An operator who harvests inside a private network says so.
            Cli.Result allowed = Cli.onTestEs(prefix, "ingest", journal.url("/sitemap.xml"), "--source", "journal",
                    "-Dlumbung.http-client.allow-private-addresses=true");
            assertThat(allowed.out()).contains("0 failed");
            assertThat(internal.requests()).contains("/secret");
        }
    }

    @Test
    void aRepositoryMayNotRedirectTheHarvestToAPrivateAddress() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(PrivateAddressIT.class) + "-redirect";
        try (WebSite repository = new WebSite(); WebSite internal = new WebSite()) {
            repository.page("/oai", Page.redirect(elsewhere(internal, "/oai")));
            Cli.Result result = Harvests.harvest(repository.url("/oai"), "moved", prefix);
            assertThat(result.status()).isNotZero();
            assertThat(result.out()).contains("cannot reach the repository: address refused (" + elsewhere(internal, "/oai")
                    + " is refused: localhost is a loopback address");
            assertThat(internal.requests()).as("nothing reached the internal server").isEmpty();
        }
    }
}
