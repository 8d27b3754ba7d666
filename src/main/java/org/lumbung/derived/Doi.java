package org.lumbung.derived;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one DOI rule. DOIs come in every wrapping ({@code https://doi.org/...}, {@code http://dx.doi.org/...},
 * {@code https://www.doi.org/...}, {@code doi:...}, {@code info:doi/...}, {@code DOI: 10...}, in angle brackets as
 * HAL's citations write them ({@code 〈10...〉}, {@code <10...>}), percent-encoded, even
 * {@code http://dx.doi.org/https://doi.org/...}); the normal form is the lower-case {@code 10.} name, since DOIs are
 * case-insensitive.
 */
public final class Doi {

    /** The start every DOI name has: the {@code 10.} directory and a registrant code. */
    private static final String PREFIX = "10\\.\\d{4,9}/";
    private static final Pattern NAME = Pattern.compile(PREFIX + "\\S+");
    private static final String RESOLVER = "https?://(?:dx\\.|www\\.)?doi\\.org/";
    private static final Pattern RESOLVER_ADDRESS = Pattern.compile("(?i)^" + RESOLVER + ".*");
    private static final Pattern WRAPPING = Pattern.compile(
            "^(?:" + RESOLVER + "|doi\\.org/|info:doi/|urn:doi:|doi\\s*:\\s*|doi\\s+|[<\u3008\u27e8]\\s*)",
            Pattern.CASE_INSENSITIVE);
    /** A DOI a text labels as one: after a resolver or a {@code doi:} label. */
    private static final Pattern LABELLED = Pattern.compile(
            "(?i)(?:doi\\.org/|\\bdoi\\s*:?\\s*)(" + PREFIX + "[^\\s\"<>]+)");
    /** A DOI name anywhere in a text, not the tail of a longer number. */
    private static final String ANY_NAME = "(?<![\\w.])" + PREFIX + "[^\\s\"<>\u3008\u3009\u27e8\u27e9]+";
    private static final Pattern ANY = Pattern.compile(ANY_NAME);
    /** A DOI name in a text with the resolver address or {@code doi:} label it is written with. */
    private static final Pattern WRITTEN = Pattern.compile("(?i)(?:" + RESOLVER + "|\\bdoi\\s*:\\s*)?" + ANY_NAME);
    /** How many wrappings deep a DOI is looked for: {@code http://dx.doi.org/https://doi.org/...} has two. */
    private static final int MAX_WRAPPINGS = 3;

    private Doi() {
    }

    /** The DOI a whole value is (bare or wrapped), in lower case, or null. */
    public static String of(String raw) {
        if (raw == null || !raw.contains("10.")) {
            return null;
        }
        String text = unwrapped(raw);
        if (text.indexOf('%') >= 0) {
            text = decode(text);
        }
        text = TrailingPunctuation.trim(text);
        return NAME.matcher(text).matches() ? text.toLowerCase(Locale.ROOT) : null;
    }

    /**
     * The value without its resolver, label or bracket, as written (case and trailing punctuation kept): what a page
     * states as its DOI, checked with {@link #of} before it is believed.
     */
    public static String unwrapped(String raw) {
        String text = raw.strip();
        for (int i = 0; i < MAX_WRAPPINGS && mayBeWrapped(text); i++) {
            String unwrapped = WRAPPING.matcher(text).replaceFirst("").strip();
            if (unwrapped.equals(text)) {
                break;
            }
            text = unwrapped;
        }
        return text;
    }

    /** Whether the text can begin with a wrapping: a resolver, a label or a bracket ({@link #WRAPPING}). */
    private static boolean mayBeWrapped(String text) {
        return !text.isEmpty() && "hHdDiIuU<\u3008\u27e8".indexOf(text.charAt(0)) >= 0;
    }

    /** True for an address at the DOI resolver: it names the DOI, not a landing page. */
    public static boolean isResolverAddress(String url) {
        return url != null && RESOLVER_ADDRESS.matcher(url).matches();
    }

    /** The first DOI a longer text labels as one (a citation with {@code https://doi.org/...} or {@code doi:}), or null. */
    public static String labelledIn(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = LABELLED.matcher(raw);
        return m.find() ? of(m.group(1)) : null;
    }

    /**
     * The first DOI in a text as written, with its resolver address or label when it has one, or null: a page's
     * "DOI" line or citation, kept as the identifier the page shows.
     */
    public static String firstIn(String raw) {
        Matcher m = WRITTEN.matcher(raw == null ? "" : raw);
        return m.find() ? m.group() : null;
    }

    /** Every DOI a text names, bare, linked, labelled or in brackets, in lower case and in order, each once. */
    public static List<String> allIn(String raw) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = ANY.matcher(raw == null ? "" : raw);
        while (m.find()) {
            String doi = of(m.group());
            if (doi != null) {
                out.add(doi);
            }
        }
        return List.copyOf(out);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
