package org.lumbung.landing;

import java.util.List;
import java.util.Locale;
import org.lumbung.dc.DcElement;
import org.lumbung.dc.DcRecord;
import org.lumbung.dc.DcRecordBuilder;
import org.lumbung.dc.Provenance;
import org.lumbung.language.LanguageDetector;

/**
 * The record a landing page gives: read by the HTML extractors or the text-dump extractor, identified by the page's
 * canonical address, with the page kept as its raw text (so that newer extractors can read it again). Used for pages
 * fetched now and for pages read back from the raw archive alike.
 */
public final class PageRecords {

    private final LanguageDetector detector;
    private final TextPageExtractor textExtractor = new TextPageExtractor();
    private final HtmlMetaExtractor htmlExtractor = new HtmlMetaExtractor();

    public PageRecords(LanguageDetector detector) {
        this.detector = detector;
    }

    /** Whether the start of a document looks like HTML rather than a text dump. */
    public static boolean looksLikeHtml(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        return lower.contains("<html") || lower.contains("<!doctype html") || lower.contains("<meta")
                || lower.contains("<head");
    }

    /** The page's record; an IllegalArgumentException names what is missing (a page without a title). */
    public DcRecord read(String url, String content, boolean html, String sourceId, String origin) {
        LandingPage page = new LandingPage(url, content, sourceId, origin);
        PageExtractor extractor = html ? htmlExtractor : textExtractor;
        DcRecordBuilder builder = new DcRecordBuilder(LandingUrls.canonical(url), sourceId)
                .provenance(new Provenance(sourceId, null, url, null, extractor.format(), content))
                .add(DcElement.IDENTIFIER, url);
        extractor.read(page, builder);
        if (!builder.has(DcElement.TITLE)) {
            throw new IllegalArgumentException("no title found in the " + extractor.format() + " page");
        }
        // The page gives no type: it is an article page, so say so in the words OJS's oai_dc uses.
        if (!builder.has(DcElement.TYPE)) {
            builder.add(DcElement.TYPE, "Text").add(DcElement.TYPE, "article");
        }
        return builder.build(detector);
    }

    /** The format names a page's provenance carries. */
    public static List<String> formats() {
        return List.of("html", "text");
    }
}
