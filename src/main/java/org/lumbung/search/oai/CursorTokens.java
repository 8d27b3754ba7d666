package org.lumbung.search.oai;

import io.gdcc.xoai.exceptions.BadResumptionTokenException;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.services.api.ResumptionTokenFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * Lumbung's resumption tokens: XOAI's token value (metadataPrefix, set, from, until, and the count already sent) plus
 * the {@link Cursor}, in URL-safe base64. One instance serves one request: {@link #parse} keeps the cursor the
 * client sent for the item repository, which hands the next one back through {@link #next} before the response's
 * token is written. A token whose point in time has expired is refused as badResumptionToken.
 */
final class CursorTokens implements ResumptionTokenFormat {

    private static final String SEPARATOR = "~";
    private static final String VERSION = "1";

    private final Predicate<String> pitAlive;
    private Cursor received;
    private Cursor next;

    CursorTokens(Predicate<String> pitAlive) {
        this.pitAlive = pitAlive;
    }

    Cursor received() {
        return received;
    }

    void next(Cursor cursor) {
        this.next = cursor;
    }

    @Override
    public ResumptionTokenFormat withGranularity(Granularity granularity) {
        return this;
    }

    @Override
    public String format(ResumptionToken.Value value) {
        if (value.isEmpty()) {
            return "";
        }
        if (next == null) {
            throw new IllegalStateException("a resumption token without a cursor");
        }
        String raw = String.join(SEPARATOR, VERSION, text(value.getMetadataPrefix()), text(value.getSetSpec()),
                instant(value.getFrom()), instant(value.getUntil()), Long.toString(value.getOffset()), next.pit(),
                Long.toString(next.indexedAt()), Long.toString(next.shardDoc()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ResumptionToken.Value parse(String token) throws BadResumptionTokenException {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            throw new BadResumptionTokenException("not a token Lumbung made");
        }
        if (parts.length != 9 || !parts[0].equals(VERSION) || parts[1].isEmpty()) {
            throw new BadResumptionTokenException("not a token Lumbung made");
        }
        ResumptionToken.ValueBuilder value = new ResumptionToken.ValueBuilder().withMetadataPrefix(parts[1]);
        try {
            if (!parts[2].isEmpty()) {
                value.withSetSpec(parts[2]);
            }
            if (!parts[3].isEmpty()) {
                value.withFrom(Instant.parse(parts[3]));
            }
            if (!parts[4].isEmpty()) {
                value.withUntil(Instant.parse(parts[4]));
            }
            value.withOffset(Long.parseLong(parts[5]));
            received = new Cursor(parts[6], Long.parseLong(parts[7]), Long.parseLong(parts[8]));
        } catch (RuntimeException e) {
            throw new BadResumptionTokenException("not a token Lumbung made");
        }
        if (!pitAlive.test(received.pit())) {
            throw new BadResumptionTokenException("this resumption token has expired (unused for longer than"
                    + " lumbung.oai.token-ttl); start the list again");
        }
        return value.build();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String instant(Instant i) {
        return i == null ? "" : i.toString();
    }
}
