package org.lumbung.landing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a page's bytes: the charset the server names (Content-Type), else the page's own meta charset, else
 * UTF-8 if the bytes are valid UTF-8, else Windows-1252 (the usual charset of old pages that name none).
 */
public final class PageCharset {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");

    private PageCharset() {
    }

    public static String decode(byte[] bytes, String contentType) {
        Charset named = named(contentType);
        if (named == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher meta = CHARSET.matcher(head.toLowerCase(Locale.ROOT).contains("<meta") ? head : "");
            named = meta.find() ? supported(meta.group(1)) : null;
        }
        if (named != null) {
            return new String(bytes, named);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static Charset named(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? supported(m.group(1)) : null;
    }

    private static Charset supported(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
