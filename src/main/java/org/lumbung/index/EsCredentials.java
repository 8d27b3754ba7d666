package org.lumbung.index;

import java.nio.file.Path;

/**
 * How Lumbung proves itself to a secured Elasticsearch: an API key (the {@code encoded} value Elasticsearch returns,
 * or base64 of {@code id:api_key}), or a user name and password; and the CA certificate (PEM) its TLS certificate is
 * checked against. Any part may be absent. The secrets never appear in {@link #toString()}.
 */
public record EsCredentials(String apiKey, String username, String password, Path caFile) {

    public static final EsCredentials NONE = new EsCredentials(null, null, null, null);

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isEmpty();
    }

    public boolean hasPassword() {
        return username != null && !username.isEmpty() && password != null;
    }

    /** What a log line may say: the kind of credentials and the CA file, never a secret. */
    @Override
    public String toString() {
        String kind = hasApiKey() ? "API key" : hasPassword() ? "user " + username : "no credentials";
        return caFile == null ? kind : kind + ", CA " + caFile;
    }
}
