package org.lumbung.landing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.lumbung.dc.Citation;
import org.lumbung.dc.Creator;
import org.lumbung.dc.DcElement;

/**
 * Reads COinS: an OpenURL ContextObject in key/encoded-value form in the {@code title} of a {@code span.Z3988} (OJS 2's
 * COinS plugin, EPrints, library catalogues, Zotero-friendly sites). Only the first span counts: further spans cite
 * other works (reference lists, Wikipedia).
 *
 * <p>{@code rft.title} means the journal in the journal format (an OpenURL 0.1 leftover) and the work itself in the
 * book and Dublin Core formats, where a book's {@code rft.btitle} is preferred to it. Pairs whose encoding is broken
 * are skipped.
 */
final class CoinsExtractor implements SchemeExtractor {

    @Override
    public void read(HtmlPage page, Findings out) {
        Element span = page.html().selectFirst("span.Z3988[title]");
        if (span == null) {
            return;
        }
        Map<String, List<String>> kev = decode(span.attr("title"));
        String format = first(kev, "rft_val_fmt").toLowerCase(Locale.ROOT);
        boolean journal = format.contains("journal");
        all(kev, "rft.atitle").forEach(t -> out.add(DcElement.TITLE, t));
        all(kev, "rft.btitle").forEach(t -> out.add(DcElement.TITLE, t));
        for (String title : all(kev, "rft.title")) {
            if (journal) {
                out.add(DcElement.SOURCE, title).citation(Citation.JOURNAL_TITLE, title);
            } else if (!out.has(DcElement.TITLE)) {
                out.add(DcElement.TITLE, title);
            }
        }
        all(kev, "rft.jtitle").forEach(t -> out.add(DcElement.SOURCE, t).citation(Citation.JOURNAL_TITLE, t));
        readCreators(kev, out);
        put(kev, "rft.date", out, DcElement.DATE, Citation.PUBLICATION_DATE);
        put(kev, "rft.volume", out, null, Citation.VOLUME);
        put(kev, "rft.issue", out, null, Citation.ISSUE);
        put(kev, "rft.spage", out, null, Citation.FIRST_PAGE);
        put(kev, "rft.pages", out, null, Citation.FIRST_PAGE);
        put(kev, "rft.epage", out, null, Citation.LAST_PAGE);
        put(kev, "rft.issn", out, DcElement.SOURCE, Citation.ISSN);
        put(kev, "rft.eissn", out, DcElement.SOURCE, Citation.ISSN);
        put(kev, "rft.isbn", out, DcElement.IDENTIFIER, null);
        put(kev, "rft.pub", out, DcElement.PUBLISHER, null);
        put(kev, "rft.publisher", out, DcElement.PUBLISHER, null);
        put(kev, "rft.language", out, DcElement.LANGUAGE, null);
        put(kev, "rft.description", out, DcElement.DESCRIPTION, null);
        put(kev, "rft.type", out, DcElement.TYPE, null);
        put(kev, "rft.format", out, DcElement.FORMAT, null);
        put(kev, "rft.source", out, DcElement.SOURCE, null);
        put(kev, "rft.rights", out, DcElement.RIGHTS, null);
        put(kev, "rft.relation", out, DcElement.RELATION, null);
        put(kev, "rft.coverage", out, DcElement.COVERAGE, null);
        all(kev, "rft.subject").forEach(s -> out.keywords(s, null));
        all(kev, "rft.identifier").forEach(out::identifier);
        all(kev, "rft_id").forEach(out::identifier);
    }

    /** Authors: each {@code rft.au} (or {@code rft.creator}), and the first author's {@code aulast}/{@code aufirst}. */
    private static void readCreators(Map<String, List<String>> kev, Findings out) {
        String last = first(kev, "rft.aulast");
        if (!last.isEmpty()) {
            String given = first(kev, "rft.aufirst").isEmpty() ? first(kev, "rft.auinit") : first(kev, "rft.aufirst");
            out.creator(new Creator(given.isEmpty() ? last : given + " " + last, null, null, false));
        }
        all(kev, "rft.au").forEach(a -> out.creator(new Creator(a, null, null, false)));
        all(kev, "rft.creator").forEach(a -> out.creator(new Creator(a, null, null, false)));
    }

    private static void put(Map<String, List<String>> kev, String key, Findings out, DcElement element,
                            Citation fact) {
        for (String value : all(kev, key)) {
            if (element != null) {
                out.add(element, value);
            }
            if (fact != null) {
                out.citation(fact, value);
            }
        }
    }

    /** The key/encoded-value pairs in order; {@code +} is a space, and a pair with a broken %-escape is skipped. */
    static Map<String, List<String>> decode(String kev) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        for (String pair : kev.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).strip();
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                pairs.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // a broken escape such as %G1: this pair only
            }
        }
        return pairs;
    }

    private static List<String> all(Map<String, List<String>> kev, String key) {
        return kev.getOrDefault(key, List.of());
    }

    private static String first(Map<String, List<String>> kev, String key) {
        List<String> values = all(kev, key);
        return values.isEmpty() ? "" : values.get(0).strip();
    }
}
