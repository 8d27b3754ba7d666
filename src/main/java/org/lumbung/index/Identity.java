package org.lumbung.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.Provenance;
import org.lumbung.derived.Doi;
import org.lumbung.landing.LandingUrls;

/**
 * How Lumbung tells that two contributions describe one article. A record's merge keys are its DOI and the landing
 * addresses it is known by (in {@link LandingUrls#mergeKey} form): a page's own address, and a harvested record's
 * addresses among its identifiers that are not the full text. A contribution first finds the document that already
 * holds it (its provenance key), then one that shares a DOI, then one that shares a landing address; else it starts a
 * document of its own, under its natural id.
 */
public final class Identity {

    /** A record's merge keys. */
    public record Keys(Set<String> dois, Set<String> urls) {
        public boolean isEmpty() {
            return dois.isEmpty() && urls.isEmpty();
        }
    }

    // Compiled once: they run on every identifier of every record indexed.
    private static final Pattern HTTP = Pattern.compile("(?i)https?://.*");
    private static final Pattern PDF = Pattern.compile("(?i).*\\.pdf$");

    private Identity() {
    }

    public static Keys keys(DcRecord record) {
        Set<String> dois = new LinkedHashSet<>();
        if (record.derived().doi() != null) {
            dois.add(record.derived().doi());
        }
        Set<String> urls = new LinkedHashSet<>();
        for (Provenance p : record.provenance()) {
            add(urls, p.url());
        }
        List<String> fullText = record.derived().fullText();
        for (String identifier : record.values(DcElement.IDENTIFIER)) {
            // The patterns run only on what can match them: most identifiers are no address.
            if (identifier.regionMatches(true, 0, "http", 0, 4) && HTTP.matcher(identifier).matches()
                    && !fullText.contains(identifier) && !Doi.isResolverAddress(identifier)
                    && !(identifier.regionMatches(true, identifier.length() - 4, ".pdf", 0, 4)
                    && PDF.matcher(identifier).matches())) {
                add(urls, identifier);
            }
        }
        return new Keys(dois, urls);
    }

    private static void add(Set<String> urls, String url) {
        String key = url == null ? null : LandingUrls.mergeKey(url);
        if (key != null) {
            urls.add(key);
        }
    }
}
