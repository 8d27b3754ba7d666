package org.lumbung.pipeline;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Source ids are slugs, reused in logs, checkpoints, document ids and provenance. A source named by its address alone
 * gets one derived from the host and the meaningful parts of the path, so that the same repository gets the same id
 * from a live harvest and from a saved response: {@code https://ejournal3.undip.ac.id/index.php/jihi/oai} becomes
 * {@code ejournal3-undip-ac-id-jihi}.
 */
public final class SourceId {

    /** Path parts that name the software, not the repository. */
    private static final Set<String> NOISE = Set.of("index.php", "oai", "oai2", "oai2d", "request", "cgi", "server",
            "oai-pmh", "oaipmh", "provider", "handler", "view", "article");

    /** File names beyond 255 bytes are refused by most file systems; this leaves room for a suffix. */
    private static final int MAX_FILE_NAME = 200;

    private SourceId() {
    }

    public static String fromUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return slug(url);
        }
        if (uri.getHost() == null) {
            return slug(url);
        }
        List<String> parts = new ArrayList<>();
        parts.add(uri.getHost().replaceFirst("^www\\.", ""));
        if (uri.getPath() != null) {
            for (String segment : uri.getPath().split("/")) {
                if (!segment.isEmpty() && !NOISE.contains(segment.toLowerCase(Locale.ROOT))) {
                    parts.add(segment);
                }
            }
        }
        return slug(String.join("-", parts));
    }

    public static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "source" : slug;
    }

    public static boolean isValid(String id) {
        return id != null && id.matches("[a-z0-9][a-z0-9_-]*");
    }

    /**
     * The id as a file name that stays inside its folder whatever the id holds ({@code ../../etc/x}, a slash, a drive
     * letter): a source id given to a Kamelet is not checked to be a slug. Every byte but a-z, 0-9, '_' and '-' is
     * written as {@code %XX}, so that no two ids share a name, not even on a file system that ignores case; a name
     * too long for a file system keeps its head and gains a hash of the whole id.
     */
    public static String fileName(String id) {
        StringBuilder name = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_' || b == '-') {
                name.append((char) b);
            } else {
                name.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        if (name.length() <= MAX_FILE_NAME) {
            return name.toString();
        }
        return name.substring(0, 128) + "-" + HexFormat.of().formatHex(Sha256.of(id.getBytes(StandardCharsets.UTF_8)));
    }
}
