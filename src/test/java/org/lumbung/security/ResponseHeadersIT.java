package org.lumbung.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumbung.testing.KnownRecords;
import org.lumbung.testing.LumbungServer;
import org.lumbung.testing.TestElasticsearch;

/**
 * Only the headers Lumbung means to send leave it: every endpoint served, sent query parameters and request headers
 * named like response headers (Set-Cookie, Location, Refresh, Content-Type, the internal asset) and values with CR/LF,
 * answers with exactly its own header names and none of the values sent; the operator page, the one place that may
 * set a cookie, too.
 */
class ResponseHeadersIT {

    private static final String TOKEN = "headers-admin-token";
    private static final String HOSTILE = "Set-Cookie=pwn%3D1&Location=http%3A%2F%2Fevil.example%2F"
            + "&Refresh=0%3Burl%3Dhttp%3A%2F%2Fevil.example%2F&Content-Type=text%2Fhtml&X-Anything=evil"
            + "&asset=index.html&Cache-Control=evil&Link=%3Chttp%3A%2F%2Fevil.example%2F%3E"
            + "&WWW-Authenticate=evil&X-Split=a%0D%0AX-Injected%3A%20evil&Content-Length=1&CamelHttpResponseCode=302";
    /** JSON and text (the operator page too) are streamed (chunked); XML and the page files go out whole, with their length. */
    private static final Map<String, Set<String>> HEADERS = Map.of(
            "JSON", Set.of("content-type", "transfer-encoding"),
            "CHALLENGE", Set.of("content-type", "transfer-encoding", "www-authenticate"),
            "XML", Set.of("content-type", "content-length"),
            "PAGE", Set.of("content-type", "content-length", "content-security-policy", "x-content-type-options"),
            "RECORD", Set.of("content-type", "content-length", "content-security-policy", "x-content-type-options",
                    "link"),
            "EXPORT", Set.of("content-type", "transfer-encoding", "content-disposition"),
            "FEED", Set.of("content-type", "transfer-encoding"),
            "ADMIN", Set.of("content-type", "transfer-encoding", "content-security-policy", "x-content-type-options",
                    "cache-control"));
    private static LumbungServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        String prefix = TestElasticsearch.freshPrefix(ResponseHeadersIT.class);
        server = LumbungServer.start(prefix, Map.of("LUMBUNG_ADMIN_TOKEN", TOKEN), Map.of());
        KnownRecords.index(prefix + "-records");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Every endpoint served; {@code token} sends the admin token, as it must be, in Authorization. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/search?q=diplomasi&                      | 200 | JSON
            GET    | /api/search?q=a%0D%0ASet-Cookie%3A%20pwn%3D1& | 200 | JSON
            GET    | /api/search?q=a%0Aevil&                       | 200 | JSON
            GET    | /api/search?size=-1&                          | 400 | JSON
            GET    | /api/record?id=journal-a:oai:journal-a:1&     | 200 | JSON
            GET    | /api/record?id=nothing-here&                  | 404 | JSON
            GET    | /api/record/similar?id=journal-a:oai:journal-a:1& | 200 | JSON
            GET    | /oai?verb=Identify&                           | 200 | XML
            POST   | /oai?                                         | 200 | XML
            GET    | /health?                                      | 200 | JSON
            GET    | /metrics?                                     | 200 | JSON
            POST   | /admin/sources/x/harvest?                     | 401 | CHALLENGE
            POST   | /admin/sources/x/harvest?token&               | 404 | JSON
            DELETE | /admin/sources/x?token&                       | 404 | JSON
            POST   | /admin/sources?token&                         | 400 | JSON
            GET    | /?q=a%0D%0AX-Injected%3A%20evil&              | 200 | PAGE
            GET    | /record?id=journal-a:oai:journal-a:1&         | 200 | RECORD
            GET    | /api/record/export?id=journal-a:oai:journal-a:1&format=ris& | 200 | EXPORT
            GET    | /api/search/export?q=diplomasi&format=bibtex& | 200 | EXPORT
            GET    | /api/search/feed?q=diplomasi&                 | 200 | FEED
            GET    | /api/search/feed?page=2&                      | 400 | JSON
            GET    | /opensearch.xml?                              | 200 | FEED
            GET    | /assets/lumbung.js?                           | 200 | PAGE
            GET    | /assets/lumbung.css?asset=record.html&        | 200 | PAGE
            GET    | /assets/secret.txt?                           | 404 | JSON
            GET    | /admin/ui?                                    | 200 | ADMIN
            POST   | /admin/ui/login?                              | 403 | ADMIN
            POST   | /admin/ui/logout?                             | 403 | ADMIN
            """)
    void sendsOnlyItsOwnHeadersWhateverTheRequestNames(String method, String pathAndQuery, int status, String kind)
            throws Exception {
        assertHeaders(method, pathAndQuery, status, HEADERS.get(kind));
    }

    /** Sends the hostile parameters, and the same names as request headers, to one endpoint. */
    private static void assertHeaders(String method, String pathAndQuery, int status, Set<String> expected)
            throws Exception {
        String path = pathAndQuery.replace("token&", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path + HOSTILE))
                .header("Set-Cookie", "pwn=2").header("Location", "http://evil.example/")
                .header("Refresh", "0;url=http://evil.example/").header("X-Anything", "evil")
                .header("Cache-Control", "evil").header("Link", "<http://evil.example/>");
        if (pathAndQuery.contains("token&")) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        if (method.equals("GET")) {
            request.header("Content-Type", "text/html").GET();
        } else if (path.startsWith("/oai")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString("verb=Identify"));
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"url\":\"ftp://x\"}"));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Set<String> names = new TreeSet<>();
        response.headers().map().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        String where = method + " " + path;
        assertThat(response.statusCode()).as(where + ": " + response.body()).isEqualTo(status);
        assertThat(names).as(where + " " + response.headers().map()).isEqualTo(new TreeSet<>(expected));
        assertThat(response.headers().map().toString()).as(where).doesNotContain("evil", "pwn", "text/html;charset")
                .doesNotContainIgnoringCase("content-type=[text/html]");
        assertThat(response.body()).as(where).doesNotContain("at io.vertx", "at org.apache.camel");
    }
}
