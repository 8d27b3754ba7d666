package org.lumbung.search.oai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lumbung's own OAI identifiers: {@code oai:<repository identifier>:<document id>}, the document id written as the
 * oai-identifier scheme allows (URI characters kept, any other byte of its UTF-8 percent-encoded, {@code %} too), so
 * that every id, a landing page's address included, reads back to exactly the document it names.
 */
public final class OaiIdentifiers {

    private static final String KEPT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789;/?:@&=+$,-_.!~*'()";

    private final String prefix;

    public OaiIdentifiers(String repositoryIdentifier) {
        this.prefix = "oai:" + repositoryIdentifier + ":";
    }

    public String of(String documentId) {
        StringBuilder out = new StringBuilder(prefix);
        for (byte b : documentId.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && KEPT.indexOf(b) >= 0) {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The document id an identifier names; empty for an identifier outside Lumbung's namespace or badly escaped. */
    public Optional<String> documentId(String identifier) {
        if (identifier == null || !identifier.startsWith(prefix) || identifier.length() == prefix.length()) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String local = identifier.substring(prefix.length());
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '%') {
                if (i + 2 >= local.length()) {
                    return Optional.empty();
                }
                try {
                    bytes.write(Integer.parseInt(local.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                i += 2;
            } else if (c < 128 && KEPT.indexOf(c) >= 0) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }
}
