package org.lumbung.harvest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * GETs a URL and returns its body decoded: gzip and deflate are asked for, and undone whether the server announced
 * them or not (some repositories gzip without a Content-Encoding header). Redirects are followed, http to https
 * included.
 */
public final class HttpFetcher {

    /** A fetched response: status, decoded body, content type (may be null) and the address after redirects. */
    public record Response(int status, byte[] body, String contentType, String finalUrl) {
    }

    private final HttpClient client;
    private final HttpOptions options;

    public HttpFetcher(HttpOptions options) {
        this.options = options;
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public Response get(String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(options.readTimeout())
                .header("User-Agent", options.userAgent())
                .header("Accept-Encoding", "gzip, deflate")
                .GET();
        if (options.from() != null && !options.from().isBlank()) {
            request.header("From", options.from());
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String encoding = response.headers().firstValue("Content-Encoding").orElse("");
        return new Response(response.statusCode(), decode(response.body(), encoding),
                response.headers().firstValue("Content-Type").orElse(null), response.uri().toString());
    }

    /** A transport failure in words: the JDK client often throws ConnectException without a message. */
    public static String describe(IOException e) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        Throwable t = e;
        while (t != null && out.length() < 300) {
            String kind = switch (t.getClass().getSimpleName()) {
                case "ConnectException" -> "connection failed";
                case "UnknownHostException", "UnresolvedAddressException" -> "unknown host";
                case "HttpConnectTimeoutException" -> "connect timed out";
                case "HttpTimeoutException" -> "timed out";
                case "SSLHandshakeException" -> "TLS handshake failed";
                default -> t.getClass().getSimpleName();
            };
            String piece = t.getMessage() == null || t.getMessage().equals(kind) ? kind : kind + " (" + t.getMessage() + ")";
            if (!piece.equals(previous)) {
                out.append(out.isEmpty() ? "" : ": ").append(piece);
            }
            previous = piece;
            t = t.getCause() == t ? null : t.getCause();
        }
        return out.toString();
    }

    static byte[] decode(byte[] body, String encoding) throws IOException {
        boolean gzipMagic = body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
        if (gzipMagic || encoding.equalsIgnoreCase("gzip") && body.length > 0) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            }
        }
        if (encoding.equalsIgnoreCase("deflate") && body.length > 0) {
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            }
        }
        return body;
    }
}
